using System.Globalization;
using Microsoft.AspNetCore.Components;
using Studio.Analysis.Segments;
using Studio.Core.Datasets;
using Studio.Data.Datasets;
using Studio.Data.Segments;
using Studio.Web.Components.Charts;

namespace Studio.Web.Components.Pages.Segments;

/// <summary>A segment against its base: size, spend, propensity, categories, attribute means; export with its log.</summary>
public sealed partial class SegmentProfilePage
{
    [Inject] public required SegmentStore Store { get; init; }
    [Inject] public required SegmentService Segments { get; init; }
    [Inject] public required ScoreSetReader ScoreSets { get; init; }
    [Inject] public required DatasetRepository Datasets { get; init; }

    [Parameter] public int Id { get; set; }

    private Segment? _segment;
    private bool _notFound;
    private string _datasetLabel = "";
    private SegmentDefinition? _rules;
    private IReadOnlyList<string> _numericColumns = [];
    private IReadOnlyList<string> _allColumns = [];
    private IReadOnlyList<ScoreSetChoice> _scoreSets = [];
    private string? _spendColumn;
    private int? _scoreSetId;
    private SegmentProfile? _profile;
    private ChartSpec? _histogram;

    /// <summary>The design page sized for this segment (and its mean propensity as the baseline when scores are shown).</summary>
    private string DesignLink => _profile is null ? "experiments/design"
        : string.Create(CultureInfo.InvariantCulture, $"experiments/design?dataset={_segment!.DatasetId}&units={_profile.Size}&segment={Uri.EscapeDataString(_segment.Name)}")
          + (_profile.Propensity is { SegmentScored: > 0 } p && _scoreSetId is not null
              ? string.Create(CultureInfo.InvariantCulture, $"&baseline={p.SegmentMean * 100:0.####}") : "");

    protected override async Task OnParametersSetAsync()
    {
        _segment = await Store.FindAsync(Id);
        _notFound = _segment is null;
        if (_segment is null) return;
        var dataset = await Datasets.FindAsync(_segment.DatasetId);
        _datasetLabel = dataset is null ? $"dataset #{_segment.DatasetId}" : $"{dataset.Name} v{dataset.Version}";
        _allColumns = dataset?.Columns.OrderBy(c => c.Ordinal).Select(c => c.Name).ToList() ?? [];
        _numericColumns = dataset?.Columns.OrderBy(c => c.Ordinal).Where(c => c.Type is ColumnType.Integer or ColumnType.Decimal).Select(c => c.Name).ToList() ?? [];
        _rules = _segment.Source == SegmentSource.Rule ? SegmentJson.TryReadDefinition(_segment.DefinitionJson) : null;
        _scoreSets = await ScoreSets.ListAsync(_segment.WorkspaceId);
        _scoreSetId = _rules?.ScoreSetId ?? _scoreSets.FirstOrDefault(s => s.DatasetId == _segment.DatasetId)?.ScoreSetId;
        _spendColumn = new[] { "monetary", "monetary_value", "spend", "total_spend", "revenue" }.FirstOrDefault(_numericColumns.Contains);
        await LoadProfileAsync();
    }

    private Task SpendChangedAsync(string? column)
    {
        _spendColumn = column;
        return LoadProfileAsync();
    }

    private Task ScoreSetChangedAsync(int? scoreSetId)
    {
        _scoreSetId = scoreSetId;
        return LoadProfileAsync();
    }

    private async Task LoadProfileAsync()
    {
        _profile = null;
        _profile = await Segments.ProfileAsync(Id, _spendColumn ?? "", _scoreSetId);
        _histogram = _profile?.Propensity is { } h && _scoreSetId is not null ? HistogramChart(h) : null;
    }

    public static ChartSpec HistogramChart(ScoreHistogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var centers = Enumerable.Range(0, histogram.Segment.Count).Select(i => (object)((histogram.Edges[i] + histogram.Edges[i + 1]) / 2)).ToList();
        var segmentTotal = Math.Max(1, histogram.Segment.Sum());
        var baseTotal = Math.Max(1, histogram.Base.Sum());
        return new ChartSpec(
            string.Create(CultureInfo.CurrentCulture, $"Propensity: segment mean {histogram.SegmentMean:P1} vs base {histogram.BaseMean:P1}"),
            "Score", "Share of customers",
            [
                new ChartSeries("Base", centers, [.. histogram.Base.Select(c => (object)((double)c / baseTotal))], SeriesKind.Bar, Color: "#b0bec5"),
                new ChartSeries("Segment", centers, [.. histogram.Segment.Select(c => (object)((double)c / segmentTotal))], SeriesKind.Bar, Color: "#1e88e5"),
            ], Height: 320);
    }
}
