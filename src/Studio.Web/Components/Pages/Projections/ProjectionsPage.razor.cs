using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Studio.Core.Jobs;
using Studio.Data.Datasets;
using Studio.Data.Jobs;
using Studio.Data.Models;
using Studio.Data.Projections;
using Studio.Ml.Projections;
using Studio.Ml.Projections.Attributes;
using Studio.Ml.Sequences.Service;
using Studio.Ml.Projections.Jobs;
using Studio.Ml.Service;
using Studio.Web.Workspaces;

namespace Studio.Web.Components.Pages.Projections;

public sealed partial class ProjectionsPage
{
    [Inject] public required WorkspaceState Workspace { get; init; }
    [Inject] public required TrainingRunStore Runs { get; init; }
    [Inject] public required ProjectionStore Store { get; init; }
    [Inject] public required ProjectionService Projections { get; init; }
    [Inject] public required ProjectionAttributes Attributes { get; init; }
    [Inject] public required JobNotifier Notifier { get; init; }
    [Inject] public required JobQueue Queue { get; init; }
    [Inject] public required IJSRuntime Js { get; init; }

    /// <summary>Opens a stored projection directly (shareable link).</summary>
    [SupplyParameterFromQuery(Name = "projection")] public int? ProjectionQuery { get; set; }

    private IReadOnlyList<TrainingRun> _runs = [];
    private int? _runId;
    private StoredProjection? _projection;
    private JobSnapshot? _job;
    private string? _failure;
    private IReadOnlyList<string> _keys = [];
    private Dataset? _memberDataset;
    private IReadOnlyList<AttributeOption> _options = [];
    private string? _colorId;
    private string? _sizeId;
    private ScatterStyle _style = ScatterStyle.Empty;
    private ProjectionScatter? _scatter;
    private ProjectionNeighbors? _neighbors;
    private IReadOnlyList<string> _selectedKeys = [];
    private ScatterDrawn? _drawn;
    private string? _searchMessage;
    private IReadOnlyList<StoredProjection> _earlier = [];

    private int WorkspaceId => Workspace.Current?.Id ?? 0;
    private bool IsRunning => _job is { } job && !job.Status.IsFinished();

    private string DrawnText => _drawn is { } d && _projection is { } p
        ? string.Create(CultureInfo.CurrentCulture, $"{d.Points:N0} points of {p.EntityLabel} drawn in {d.Milliseconds:N0} ms · ")
            + (p.Dimensions == 3 ? "drag to rotate, scroll to zoom, click a point for its neighbours" : "lasso or box to select, scroll to zoom, click a point for its neighbours")
        : "Drawing…";

    private bool IsSequenceRun => _runs.FirstOrDefault(r => r.Id == _runId) is { } run && SequenceFamilies.Contains(run.ModelKind);

    protected override async Task OnInitializedAsync()
    {
        Notifier.Changed += OnJobChanged;
        Workspace.Changed += OnWorkspaceChanged;
        if (Workspace.Current is null) await Workspace.LoadAsync();
        await LoadRunsAsync();
        if (ProjectionQuery is { } id && await Store.FindAsync(id) is { } stored && stored.WorkspaceId == WorkspaceId)
        {
            _runId = stored.TrainingRunId;
            await LoadEarlierAsync();
            // A link to a projection still computing shows its progress, then draws it; a failed one says why.
            var job = stored.JobId is { } jobId ? Notifier.Find(jobId) : null;
            if (stored.Status != JobStatus.Succeeded && job?.Status == JobStatus.Succeeded) stored = await Store.FindAsync(id) ?? stored;
            if (stored.Status == JobStatus.Succeeded) await ShowAsync(stored);
            else if (job is not null && !job.Status.IsFinished()) _job = job;
            else _failure = $"Projection {stored.Id} is {stored.Status}{(stored.Error is { } error ? $": {error}" : ".")}";
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        // Start fetching and compiling Plotly now rather than when the first projection is shown.
        await using var module = await Js.InvokeAsync<IJSObjectReference>("import", "./js/projection-scatter.js");
        await module.InvokeVoidAsync("preload");
    }

    private async Task LoadRunsAsync()
    {
        _runs = WorkspaceId == 0 ? [] : (await Runs.ListAsync(WorkspaceId))
            .Where(r => r.Status == JobStatus.Succeeded && r.CheckpointPath is not null).ToList();
        _runId ??= _runs.FirstOrDefault()?.Id;
        await LoadEarlierAsync();
    }

    private async Task OnRunChangedAsync(int? runId)
    {
        _runId = runId;
        await LoadEarlierAsync();
    }

    private async Task LoadEarlierAsync() => _earlier = _runId is { } id
        ? (await Store.ListForRunAsync(id)).Where(p => p.Status == JobStatus.Succeeded).Take(8).ToList()
        : [];

    private async Task OnStartedAsync(ProjectionStarted started)
    {
        _failure = null;
        _neighbors = null;
        _selectedKeys = [];
        var row = await Store.FindAsync(started.Start.ProjectionId);
        if (started.Start.Cached && row is not null)
        {
            await ShowAsync(row);
            return;
        }
        _projection = null;
        _job = started.Start.JobId is { } jobId ? Notifier.Find(jobId) : null;
        if (_job?.Status == JobStatus.Succeeded && row is not null) await ShowAsync(row);
    }

    private async Task ShowAsync(StoredProjection row)
    {
        _job = null;
        _drawn = null;
        _projection = row;
        _colorId = _sizeId = null;
        _style = ScatterStyle.Empty;
        // Render the scatter now: the browser fetches the coordinates while the keys and attributes load here.
        StateHasChanged();
        (_, _keys, _) = await Projections.ReadAsync(row.Id);
        _memberDataset = row.EntityLabel is { } label ? await Attributes.MemberDatasetAsync(WorkspaceId, label, row.DatasetId) : null;
        _options = row.EntityLabel is { } entity ? await Attributes.OptionsAsync(WorkspaceId, entity) : [];
    }

    private void OnJobChanged(JobSnapshot snapshot)
    {
        if (_job is null || snapshot.Id != _job.Id) return;
        RefreshFromBackground(async () =>
        {
            _job = snapshot;
            if (!snapshot.Status.IsFinished()) return;
            var row = await Store.FindAsync(_projection?.Id ?? IdFromResult(snapshot));
            if (snapshot.Status == JobStatus.Succeeded && row is not null)
            {
                await ShowAsync(row);
                await LoadEarlierAsync();
            }
            else
            {
                _failure = snapshot.Status == JobStatus.Cancelled ? "The projection was cancelled." : $"The projection failed: {snapshot.Error ?? row?.Error}";
                _job = null;
            }
        });
    }

    private static int IdFromResult(JobSnapshot snapshot) =>
        snapshot.ResultJson is { } json ? System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("projectionId").GetInt32() : 0;

    private void Cancel()
    {
        if (_job is { } job) Queue.Cancel(job.Id);
    }

    private void OnDrawn(ScatterDrawn drawn) => _drawn = drawn;

    private async Task ApplyStyleAsync()
    {
        if (_projection?.EntityLabel is not { } entity || _scatter is null) return;
        var color = _colorId is null ? null : await Attributes.ValuesAsync(WorkspaceId, entity, _colorId, _keys);
        var size = _sizeId is null ? null : await Attributes.ValuesAsync(WorkspaceId, entity, _sizeId, _keys);
        _style = ScatterStyle.From(color, size);
        await _scatter.StyleAsync(_style);
    }

    private async Task ShowNeighborsAsync(int index)
    {
        if (_projection is null) return;
        _neighbors = await Projections.NeighborsAsync(_projection.Id, index, k: 10);
        if (_scatter is not null) await _scatter.HighlightAsync(index);
    }

    private async Task SearchAsync(string text)
    {
        var index = PointSearch.Find(_keys, text);
        _searchMessage = index < 0 ? $"No {_projection?.EntityLabel} matches \"{text}\"." : null;
        if (index >= 0) await ShowNeighborsAsync(index);
    }

    private void OnSelected(IReadOnlyList<int> indices) =>
        _selectedKeys = indices.Where(i => i >= 0 && i < _keys.Count).Select(i => _keys[i]).ToList();

    private void OnWorkspaceChanged() => RefreshFromBackground(async () =>
    {
        _runId = null;
        _projection = null;
        await LoadRunsAsync();
    });

    public void Dispose()
    {
        Notifier.Changed -= OnJobChanged;
        Workspace.Changed -= OnWorkspaceChanged;
    }
}
