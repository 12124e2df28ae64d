using System.Globalization;
using Microsoft.AspNetCore.Components;
using Studio.Data.Datasets;
using Studio.Data.Models;
using Studio.Ml.Evaluation;
using Studio.Ml.Service;
using Studio.Ml.Training;

namespace Studio.Web.Components.Pages.Models;

public sealed partial class ErrorAnalysis
{
    private const int MaxGroups = 30;
    private const int WorstShown = 15;

    [Inject] public required DatasetRepository Datasets { get; init; }
    [Inject] public required DatasetFeatureLoader Loader { get; init; }

    [Parameter, EditorRequired] public required TrainingRun Run { get; set; }
    [Parameter, EditorRequired] public required Predictions Predictions { get; set; }
    [Parameter] public double Threshold { get; set; } = 0.5;

    private IReadOnlyDictionary<string, string?[]>? _attributes;
    private string _column = "";
    private string _keyColumn = "row";
    private IReadOnlyList<BreakdownRow> _breakdown = [];
    private IReadOnlyList<WorstRow> _worst = [];
    private double _computedAt = double.NaN;

    private IEnumerable<string> MetricKeys => _breakdown.SelectMany(b => b.Metrics.Keys).Distinct().Where(k => k != MetricNames.Rows);

    protected override async Task OnInitializedAsync()
    {
        var dataset = await Datasets.FindAsync(Run.DatasetId);
        if (dataset is null)
        {
            _attributes = new Dictionary<string, string?[]>();
            return;
        }
        var all = await Loader.LoadLabelsAsync(dataset);
        _keyColumn = dataset.Columns.OrderBy(c => c.Ordinal).FirstOrDefault(c => c.Type == Core.Datasets.ColumnType.Identifier)?.Name ?? "row";
        // Identifiers and the target itself are not attributes to group by.
        _attributes = dataset.Columns.OrderBy(c => c.Ordinal)
            .Where(c => c.Name != Run.TargetColumn && c.Type != Core.Datasets.ColumnType.Identifier)
            .ToDictionary(c => c.Name, c => all[c.Name], StringComparer.Ordinal);
        if (all.TryGetValue(_keyColumn, out var keys)) _keys = keys;
        _column = dataset.Columns.Where(c => _attributes.ContainsKey(c.Name)).OrderBy(c => c.DistinctCount).FirstOrDefault()?.Name ?? "";
        Compute();
    }

    private string?[]? _keys;

    protected override void OnParametersSet()
    {
        if (_attributes is not null && Threshold != _computedAt) Compute();
    }

    private void ColumnChanged(string column)
    {
        _column = column;
        Compute();
    }

    private void Compute()
    {
        _computedAt = Threshold;
        if (_attributes is null || !_attributes.TryGetValue(_column, out var values)) return;
        // The breakdown indexes the attribute by the dataset's row numbers, as the predictions do.
        _breakdown = MetricBreakdown.ByAttribute(Predictions, values, Threshold).OrderByDescending(b => b.Rows).Take(MaxGroups).ToList();
        _worst = Enumerable.Range(0, Predictions.Scores.Length)
            .Select(i => (Index: i, Error: RowError(i)))
            .OrderByDescending(e => e.Error).Take(WorstShown)
            .Select(e => new WorstRow(
                _keys?[Predictions.Rows[e.Index]] ?? Predictions.Rows[e.Index].ToString(CultureInfo.CurrentCulture),
                Actual(e.Index), Predicted(e.Index), e.Error, values[Predictions.Rows[e.Index]] ?? "(missing)"))
            .ToList();
    }

    /// <summary>Per-row loss: log loss for classes, absolute error for regression.</summary>
    private double RowError(int i) => Predictions.Task switch
    {
        PredictionTask.Binary => -Math.Log(Math.Clamp(Predictions.Targets[i] > 0.5 ? Predictions.Scores[i] : 1 - Predictions.Scores[i], 1e-15, 1)),
        PredictionTask.MultiClass => -Math.Log(Math.Clamp(Predictions.ClassProbabilities![i][(int)Predictions.Targets[i]], 1e-15, 1)),
        _ => Math.Abs(Predictions.Targets[i] - Predictions.Scores[i]),
    };

    private string Actual(int i) => Predictions.Task switch
    {
        PredictionTask.Regression => MetricLabels.Format(Predictions.Targets[i]),
        PredictionTask.Binary => Predictions.Targets[i] > 0.5 ? "positive" : "negative",
        _ => Predictions.Classes[(int)Predictions.Targets[i]],
    };

    private string Predicted(int i) => Predictions.Task == PredictionTask.MultiClass
        ? Predictions.Classes[(int)Predictions.Scores[i]]
        : MetricLabels.Format(Predictions.Scores[i]);

    private sealed record WorstRow(string Key, string Actual, string Predicted, double Error, string Attribute);
}
