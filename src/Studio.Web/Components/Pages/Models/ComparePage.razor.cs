using System.Globalization;
using Microsoft.AspNetCore.Components;
using Studio.Data.Models;
using Studio.Ml.Evaluation;
using Studio.Ml.Service;
using Studio.Ml.Training;
using Studio.Web.Components.Charts;

namespace Studio.Web.Components.Pages.Models;

public sealed partial class ComparePage
{
    private static readonly HashSet<string> LowerIsBetter = [MetricNames.LogLoss, MetricNames.Rmse, MetricNames.Mae];

    [Inject] public required TrainingRunStore Runs { get; init; }

    /// <summary>Comma-separated run ids, e.g. <c>?runs=1,2</c>; shareable.</summary>
    [SupplyParameterFromQuery(Name = "runs")] public string? RunIds { get; set; }

    private List<ComparedRun>? _runs;
    private ChartSpec? _roc;

    private IEnumerable<string> MetricKeys => _runs!.SelectMany(r => r.Metrics.Keys).Distinct().Where(k => k != MetricNames.Rows);

    protected override async Task OnParametersSetAsync()
    {
        var ids = (RunIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).Distinct();
        var runs = new List<ComparedRun>();
        foreach (var id in ids)
        {
            if (await Runs.FindAsync(id) is { } run)
                runs.Add(new ComparedRun(run, ServiceJson.Metrics(run.TestMetricsJson), await Task.Run(() => TrainingRunStore.Predictions(run))));
        }
        _runs = runs;
        var binary = runs.Where(r => r.Predictions is { Task: PredictionTask.Binary }).ToList();
        _roc = binary.Count == 0 ? null : RunCharts.Roc(binary
            .Select(r => ($"{r.Run.Name} (#{r.Run.Id})", Curves.Roc(r.Predictions!.BinaryLabels, r.Predictions.Scores))).ToList());
    }

    private double Best(string key)
    {
        var values = _runs!.Select(r => r.Metrics.GetValueOrDefault(key, double.NaN)).Where(v => !double.IsNaN(v)).ToList();
        if (values.Count < 2) return double.NaN;
        return LowerIsBetter.Contains(key) ? values.Min() : values.Max();
    }

    private sealed record ComparedRun(TrainingRun Run, IReadOnlyDictionary<string, double> Metrics, Predictions? Predictions);
}
