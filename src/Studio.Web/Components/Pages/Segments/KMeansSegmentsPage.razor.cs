using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Studio.Analysis.Segments;
using Studio.Core.Jobs;
using Studio.Data.Datasets;
using Studio.Data.Jobs;
using Studio.Data.Models;
using Studio.Data.Segments;
using Studio.Ml.Projections.Vectors;
using Studio.Ml.Segments;
using Studio.Ml.Service;
using Studio.Web.Components.Charts;
using Studio.Web.Workspaces;

namespace Studio.Web.Components.Pages.Segments;

/// <summary>Choose k on a run's customer vectors (elbow + silhouette job), then store k segments (a second job).</summary>
public sealed partial class KMeansSegmentsPage : IDisposable
{
    [Inject] public required WorkspaceState Workspace { get; init; }
    [Inject] public required DatasetRepository Datasets { get; init; }
    [Inject] public required TrainingRunStore Runs { get; init; }
    [Inject] public required VectorSourceLoader Vectors { get; init; }
    [Inject] public required EmbeddingSegmentation Segmentation { get; init; }
    [Inject] public required JobQueue Jobs { get; init; }
    [Inject] public required JobNotifier Notifier { get; init; }

    private IReadOnlyList<TrainingRun>? _runs;
    private IReadOnlyList<Dataset> _datasets = [];
    private IReadOnlyList<VectorSourceInfo> _sources = [];
    private int? _datasetId;
    private int? _runId;
    private string? _sourceKey;
    private string? _sourceError;
    private int _kMin = 2;
    private int _kMax = 10;
    private int _seed;
    private bool _normalize = true;
    private JobSnapshot? _job;
    private bool _jobIsCreate;
    private KMeansScanResult? _scan;
    private ChartSpec? _elbow;
    private ChartSpec? _silhouette;
    private int _k;
    private string _prefix = "Cluster";
    private KMeansCreateResult? _created;
    private string? _error;

    private bool Busy => _job is { } job && !job.Status.IsFinished();

    private IReadOnlyList<string> Problems
    {
        get
        {
            var problems = new List<string>();
            if (_datasetId is null) problems.Add("Choose the customers dataset the segments key into.");
            if (_runId is null || _sourceKey is null) problems.Add("Choose a training run and its vectors.");
            problems.AddRange(EmbeddingSegmentation.Validate(new KMeansScanSpec(0, 0, new VectorSourceSpec(0, VectorSourceKind.HiddenLayer), _kMin, _kMax)));
            return problems;
        }
    }

    protected override async Task OnInitializedAsync()
    {
        Notifier.Changed += OnJobChanged;
        if (Workspace.Current is null) await Workspace.LoadAsync();
        if (Workspace.Current is not { } workspace) { _runs = []; return; }
        _datasets = [.. CustomerDatasets.Of(await Datasets.ListAsync(workspace.Id))];
        _datasetId = CustomerDatasets.Default(_datasets)?.Id;
        _runs = [.. (await Runs.ListAsync(workspace.Id)).Where(r => r.Status == JobStatus.Succeeded && r.CheckpointPath is not null)];
        if (_runs.Count > 0) await RunChangedAsync(_runs[0].Id);
    }

    private async Task RunChangedAsync(int? runId)
    {
        (_runId, _sources, _sourceKey, _sourceError) = (runId, [], null, null);
        if (runId is not { } id) return;
        try
        {
            _sources = await Vectors.ListSourcesAsync(id);
            // Customer vectors first: an id embedding whose field is the dataset's key, else the hidden layer.
            _sourceKey = (_sources.FirstOrDefault(s => s.Spec.Kind == VectorSourceKind.EmbeddingTable && s.EntityLabel.Contains("customer", StringComparison.OrdinalIgnoreCase))
                ?? _sources.LastOrDefault())?.Spec.Key;
        }
        catch (InvalidOperationException e)
        {
            _sourceError = e.Message;
        }
    }

    private VectorSourceSpec Source => VectorSourceSpec.FromKey(_runId!.Value, _sourceKey)!;

    private async Task ScanAsync()
    {
        (_error, _scan, _created) = (null, null, null);
        await StartAsync(create: false, () => Segmentation.StartScanAsync(new KMeansScanSpec(Workspace.Current!.Id, _datasetId!.Value, Source, _kMin, _kMax, _normalize, _seed)));
    }

    private async Task CreateAsync()
    {
        (_error, _created) = (null, null);
        await StartAsync(create: true, () => Segmentation.StartCreateAsync(new KMeansCreateSpec(Workspace.Current!.Id, _datasetId!.Value, Source, _k, _prefix, _normalize, _seed)));
    }

    private async Task StartAsync(bool create, Func<Task<Guid>> start)
    {
        try
        {
            var id = await start();
            _jobIsCreate = create;
            _job = Notifier.Find(id);
            if (_job is { Status: JobStatus.Succeeded, ResultJson: { } json }) Finished(json);
        }
        catch (SegmentValidationException e)
        {
            _error = e.Message;
        }
    }

    private void CancelJob()
    {
        if (_job is not null) Jobs.Cancel(_job.Id);
    }

    private void OnJobChanged(JobSnapshot snapshot)
    {
        if (_job is null || snapshot.Id != _job.Id) return;
        RefreshFromBackground(() =>
        {
            _job = snapshot;
            if (snapshot.Status == JobStatus.Succeeded && snapshot.ResultJson is { } json) Finished(json);
        });
    }

    private void Finished(string json)
    {
        if (_jobIsCreate)
        {
            _created = JsonSerializer.Deserialize<KMeansCreateResult>(json, SegmentJson.Options);
            return;
        }
        _scan = JsonSerializer.Deserialize<KMeansScanResult>(json, SegmentJson.Options);
        if (_scan is null || _scan.Choices.Count == 0) return;
        var ks = _scan.Choices.Select(c => (object)c.K).ToList();
        _elbow = new ChartSpec("Elbow: inertia by k", "k", "Inertia", [new ChartSeries("Inertia", ks, [.. _scan.Choices.Select(c => (object)c.Inertia)], SeriesKind.LinesAndMarkers)], Height: 280, ShowLegend: false);
        _silhouette = new ChartSpec("Silhouette by k (higher is better)", "k", "Silhouette", [new ChartSeries("Silhouette", ks, [.. _scan.Choices.Select(c => (object)c.Silhouette)], SeriesKind.LinesAndMarkers, Color: "#43a047")], Height: 280, ShowLegend: false);
        _k = _scan.Choices.OrderByDescending(c => double.IsNaN(c.Silhouette) ? double.MinValue : c.Silhouette).First().K;
    }

    public void Dispose() => Notifier.Changed -= OnJobChanged;
}
