using System.Globalization;
using Microsoft.AspNetCore.Components;
using Studio.Analysis.Experiments.Stored;
using Studio.Data.Datasets;
using Studio.Data.Segments;
using Studio.Web.Workspaces;

namespace Studio.Web.Components.Pages.Experiments;

/// <summary>Designs an experiment: writes a seeded assignment list and sizes it with the power panel.</summary>
public sealed partial class DesignPage
{
    [Inject] public required WorkspaceState Workspace { get; init; }
    [Inject] public required DatasetRepository Datasets { get; init; }
    [Inject] public required ExperimentDesigner Designer { get; init; }
    [Inject] public required SegmentStore Segments { get; init; }

    [SupplyParameterFromQuery(Name = "dataset")] public int? SegmentDataset { get; set; }
    [SupplyParameterFromQuery(Name = "units")] public long? SegmentUnits { get; set; }
    [SupplyParameterFromQuery(Name = "baseline")] public double? SegmentBaseline { get; set; }
    [SupplyParameterFromQuery(Name = "segment")] public string? SegmentName { get; set; }

    /// <summary>Two equal arms of the segment after the holdout.</summary>
    private long? UnitsPerArm => SegmentUnits is { } n ? (long)Math.Floor(n * (1 - _holdoutPercent / 100) / 2) : null;

    private IReadOnlyList<Dataset> _datasets = [];
    private List<string> _columns = [];
    private int? _datasetId;
    private string? _unitColumn;
    private string? _arms = "control=1, treatment=1";
    private double _holdoutPercent = 10;
    private int _seed = 42;
    private string? _name = "assignment";
    private IReadOnlyList<string> _problems = [];
    private Dataset? _created;
    private string? _summary;
    private bool _busy;
    private Segment? _segment;

    protected override async Task OnInitializedAsync()
    {
        if (Workspace.Current is null) await Workspace.LoadAsync();
        if (Workspace.Current is not null) _datasets = await Datasets.ListAsync(Workspace.Current.Id);
        if (SegmentDataset is { } id && _datasets.Any(d => d.Id == id)) DatasetChanged(id);
        if (SegmentName is not null) _name = SegmentName + " assignment";
        if (SegmentName is not null && SegmentDataset is { } datasetId && Workspace.Current is not null)
        {
            _segment = (await Segments.ListAsync(Workspace.Current.Id))
                .Where(s => s.Name == SegmentName && s.DatasetId == datasetId).OrderByDescending(s => s.CreatedAt).FirstOrDefault();
        }
    }

    private void DatasetChanged(int? id)
    {
        _datasetId = id;
        _columns = _datasets.FirstOrDefault(d => d.Id == id)?.Columns.OrderBy(c => c.Ordinal).Select(c => c.Name).ToList() ?? [];
        _unitColumn = MappingSuggester.Suggest(_columns).UnitId;
    }

    private async Task AssignAsync()
    {
        List<DesignArm> arms;
        try
        {
            arms = (NewExperimentForm.ParseSplit(_arms) ?? []).Select(kv => new DesignArm(kv.Key, kv.Value)).ToList();
        }
        catch (FormatException e)
        {
            _problems = [e.Message];
            return;
        }

        // From a segment (on its own dataset), only its members are assigned, so the list matches the power panel's sizing.
        var members = _segment is not null && _segment.DatasetId == _datasetId ? (await Segments.ReadMemberKeysAsync(_segment.Id)).ToHashSet(StringComparer.Ordinal) : null;
        var design = new ExperimentDesign(_datasetId!.Value, _unitColumn!, arms, _holdoutPercent / 100, _seed, _name ?? "", members, _segment?.Name);
        _problems = ExperimentDesigner.Validate(design);
        if (_problems.Count > 0) return;
        _busy = true;
        try
        {
            _created = await Designer.AssignAsync(design);
            var counts = ExperimentDesigner.Assign((int)_created.RowCount, design).GroupBy(v => v).Select(g => $"{g.Key} {g.Count().ToString("N0", CultureInfo.CurrentCulture)}");
            _summary = string.Join(", ", counts) + (members is null ? "" : $"; members of segment {_segment!.Name} only");
        }
        catch (ArgumentException e)
        {
            _problems = [e.Message.Split(" (Parameter", 2)[0]];
        }
        finally
        {
            _busy = false;
        }
    }
}
