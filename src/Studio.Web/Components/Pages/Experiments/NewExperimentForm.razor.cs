using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Studio.Analysis.Experiments;
using Studio.Analysis.Experiments.Readout;
using Studio.Analysis.Experiments.Stored;
using Studio.Core.Datasets;
using Studio.Data.Datasets;
using Studio.Data.Experiments;

namespace Studio.Web.Components.Pages.Experiments;

/// <summary>
/// Defines an experiment: a dataset version, what one of its rows is (a unit, a variant's totals or a day's cumulative
/// aggregates), the column mapping (suggested from column names; each field offers only columns whose type fits),
/// any number of metrics, and the analysis options.
/// </summary>
public sealed partial class NewExperimentForm
{
    [Inject] public required DatasetRepository Datasets { get; init; }
    [Inject] public required ExperimentRepository Experiments { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Parameter] public int WorkspaceId { get; set; }

    /// <summary>One metric being edited (mutable for binding; turned into a <see cref="MappedMetric"/> on save).</summary>
    public sealed class MetricRow
    {
        public string? Column { get; set; }
        public MetricKind Kind { get; set; }
        public MetricRole Role { get; set; }
        public string? Denominator { get; set; }
        public string? Spread { get; set; }
        public SpreadKind SpreadKind { get; set; }

        public MappedMetric ToMapped(InputShape shape) => new(Column!, Kind, Role,
            Kind == MetricKind.Ratio ? Denominator : null, shape != InputShape.Units && Kind == MetricKind.Mean ? Spread : null, SpreadKind);
    }

    private MudForm? _form;
    private bool _valid;
    private IReadOnlyList<Dataset> _datasets = [];
    private List<(string Name, ColumnType Type)> _columns = [];
    private string? _name, _question, _unit, _variant, _time, _pre, _segment, _experimentColumn, _experimentValue, _split, _error, _units, _day;
    private string? _control = "control";
    private int? _datasetId;
    private InputShape _shape = InputShape.Units;
    private readonly List<MetricRow> _metrics = [];
    private double _alpha = 0.05;
    private double _srmThreshold = 0.001;
    private double? _winsor;
    private MultipleTestingCorrection _correction = MultipleTestingCorrection.Holm;

    protected override async Task OnParametersSetAsync() => _datasets = await Datasets.ListAsync(WorkspaceId);

    private IReadOnlyList<string> Fit(MappingRole role) => MappingSuggester.Fitting(_columns, role);

    /// <summary>Unit rows: a proportion needs a 0/1 column, a mean or ratio a number. Summary rows: counts and means are numbers.</summary>
    private IReadOnlyList<string> MetricColumns(MetricRow row) =>
        Fit(_shape == InputShape.Units && row.Kind == MetricKind.Proportion ? MappingRole.Proportion : MappingRole.Number);

    private void DatasetChanged(int? id)
    {
        _datasetId = id;
        var dataset = _datasets.FirstOrDefault(d => d.Id == id);
        _columns = dataset?.Columns.OrderBy(c => c.Ordinal).Select(c => (c.Name, c.Type)).ToList() ?? [];
        var suggested = MappingSuggester.Suggest(_columns);
        (_unit, _variant, _time, _pre, _experimentColumn) = (suggested.UnitId, suggested.Variant, suggested.AssignedAt, suggested.PreCovariate, suggested.ExperimentColumn);
        _metrics.Clear();
        _metrics.AddRange(suggested.Metrics.Select(m => new MetricRow { Column = m.Column, Kind = m.Kind, Role = m.Role }));
        if (_metrics.Count == 0) AddMetric();
    }

    private void ShapeChanged(InputShape shape)
    {
        _shape = shape;
        foreach (var row in _metrics.Where(r => shape != InputShape.Units && r.Kind == MetricKind.Ratio)) row.Kind = MetricKind.Mean;
    }

    private void AddMetric() => _metrics.Add(new MetricRow { Kind = _shape == InputShape.Units ? MetricKind.Proportion : MetricKind.Mean });

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

    /// <summary>The mapping the form describes (exposed for tests).</summary>
    public ExperimentMapping Mapping() => _shape == InputShape.Units
        ? new ExperimentMapping(_unit, _variant ?? "", _time, [.. _metrics.Where(m => m.Column is not null).Select(m => m.ToMapped(_shape))], _pre,
            _segment is null ? [] : [_segment], _experimentColumn, _experimentColumn is null ? null : _experimentValue?.Trim())
        : new ExperimentMapping(null, _variant ?? "", null, [.. _metrics.Where(m => m.Column is not null).Select(m => m.ToMapped(_shape))],
            Shape: _shape, Units: _units, Day: _shape == InputShape.DailyCumulative ? _day : null);

    private ExperimentOptions Options() => new(_alpha, _correction, _shape == InputShape.Units ? _winsor : null, _shape == InputShape.Units ? _segment : null, _srmThreshold);

    private async Task SaveAsync()
    {
        if (_form is not null) await _form.ValidateAsync();
        var dataset = _datasets.FirstOrDefault(d => d.Id == _datasetId);
        if (!_valid || dataset is null || string.IsNullOrWhiteSpace(_control)) return;
        var mapping = Mapping();
        var options = Options();
        var problems = mapping.Validate().Concat(options.Validate()).ToList();
        if (problems.Count > 0)
        {
            _error = string.Join(" ", problems.Select(p => p.Message));
            return;
        }

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
            SpecOptionsJson = options.ToJson(),
        });
        Navigation.NavigateTo($"experiments/{definition.Id}");
    }
}
