using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Studio.Analysis.Experiments;
using Studio.Analysis.Experiments.Readout;
using Studio.Analysis.Experiments.Stored;
using Studio.Data.Datasets;
using Studio.Data.Experiments;

namespace Studio.Web.Components.Pages.Experiments;

/// <summary>Defines an experiment: a dataset version, its column mapping (suggested from column names) and the analysis options.</summary>
public sealed partial class NewExperimentForm
{
    [Inject] public required DatasetRepository Datasets { get; init; }
    [Inject] public required ExperimentRepository Experiments { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Parameter] public int WorkspaceId { get; set; }

    private MudForm? _form;
    private bool _valid;
    private IReadOnlyList<Dataset> _datasets = [];
    private List<string> _columns = [];
    private string? _name, _question, _unit, _variant, _time, _converted, _revenue, _pre, _segment, _experimentColumn, _experimentValue, _split, _error;
    private string? _control = "control";
    private int? _datasetId;
    private double _alpha = 0.05;
    private double? _winsor;
    private MultipleTestingCorrection _correction = MultipleTestingCorrection.Holm;

    protected override async Task OnParametersSetAsync() => _datasets = await Datasets.ListAsync(WorkspaceId);

    private Task DatasetChangedAsync(int? id)
    {
        _datasetId = id;
        var dataset = _datasets.FirstOrDefault(d => d.Id == id);
        _columns = dataset?.Columns.OrderBy(c => c.Ordinal).Select(c => c.Name).ToList() ?? [];
        var suggested = MappingSuggester.Suggest(_columns);
        (_unit, _variant, _time, _converted, _revenue, _pre, _experimentColumn) =
            (suggested.UnitId, suggested.Variant, suggested.AssignedAt, suggested.Converted, suggested.Revenue, suggested.PreCovariate, suggested.ExperimentColumn);
        return Task.CompletedTask;
    }

    /// <summary>Parses "a=1, b=2"; null for an empty text.</summary>
    public static Dictionary<string, double>? ParseSplit(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var split = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var part in text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || pair[0].Length == 0 || !double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || w <= 0)
                throw new FormatException($"'{part}' is not variant=weight with a positive weight.");
            split[pair[0]] = w;
        }

        return split;
    }

    private static string? ValidateSplit(string? text)
    {
        try { ParseSplit(text); return null; }
        catch (FormatException e) { return e.Message; }
    }

    private async Task SaveAsync()
    {
        if (_form is not null) await _form.ValidateAsync();
        var dataset = _datasets.FirstOrDefault(d => d.Id == _datasetId);
        if (!_valid || dataset is null || _unit is null || _variant is null || _time is null || string.IsNullOrWhiteSpace(_control)) return;
        if (_experimentColumn is not null && string.IsNullOrWhiteSpace(_experimentValue))
        {
            _error = $"Say which value of '{_experimentColumn}' selects this experiment, or clear the experiment-name column.";
            return;
        }

        var mapping = new ExperimentMapping(_unit, _variant, _time, _converted, _revenue, _pre,
            _segment is null ? [] : [_segment], _experimentColumn, _experimentColumn is null ? null : _experimentValue?.Trim());
        var split = ParseSplit(_split);
        var definition = await Experiments.AddAsync(new ExperimentDefinition
        {
            WorkspaceId = WorkspaceId,
            Name = _name!.Trim(),
            Question = _question,
            DatasetId = dataset.Id,
            DatasetVersion = dataset.Version,
            MappingJson = mapping.ToJson(),
            ControlVariant = _control.Trim(),
            IntendedSplitJson = split is null ? null : JsonSerializer.Serialize(split, ExperimentJson.Options),
            SpecOptionsJson = new ExperimentOptions(_alpha, _correction, _winsor, _segment).ToJson(),
        });
        Navigation.NavigateTo($"experiments/{definition.Id}");
    }
}
