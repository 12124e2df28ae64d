using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Studio.Core.Jobs;
using Studio.Data.Datasets;
using Studio.Data.Models;
using Studio.Ml.Service;
using Studio.Web.Workspaces;

namespace Studio.Web.Components.Pages.Models;

public sealed partial class ModelsPage
{
    [Inject] public required WorkspaceState Workspace { get; init; }
    [Inject] public required TrainingRunStore Runs { get; init; }
    [Inject] public required ModelRegistry Registry { get; init; }
    [Inject] public required DatasetRepository Datasets { get; init; }
    [Inject] public required TrainingNotifier Notifier { get; init; }

    private List<TrainingRun>? _runs;
    private IReadOnlyList<RegisteredModel> _models = [];
    private IReadOnlyList<Dataset> _datasets = [];
    private readonly HashSet<int> _selected = [];

    private string CompareHref => "models/compare?runs=" + string.Join(",", _selected.Order().Select(i => i.ToString(CultureInfo.InvariantCulture)));

    protected override async Task OnInitializedAsync()
    {
        Workspace.Changed += OnWorkspaceChanged;
        Notifier.Changed += OnRunChanged;
        if (Workspace.Current is null) await Workspace.LoadAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (Workspace.Current is not { } workspace)
        {
            _runs = [];
            return;
        }
        _runs = (await Runs.ListAsync(workspace.Id)).ToList();
        _models = await Registry.ListAsync(workspace.Id);
        _datasets = await Datasets.ListAsync(workspace.Id);
    }

    private void Toggle(int runId, bool on)
    {
        if (on) _selected.Add(runId);
        else _selected.Remove(runId);
    }

    private void OnWorkspaceChanged() => RefreshFromBackground(LoadAsync);

    private void OnRunChanged(RunUpdate update)
    {
        if (update.Status != JobStatus.Running) RefreshFromBackground(LoadAsync);
    }

    private static string Headline(TrainingRun run)
    {
        var metrics = ServiceJson.Metrics(run.TestMetricsJson);
        var key = MetricLabels.Headline(run.Task);
        return metrics.TryGetValue(key, out var value) ? $"{MetricLabels.Label(key)} {MetricLabels.Format(value)}" : "";
    }

    internal static Color StatusColor(JobStatus status) => status switch
    {
        JobStatus.Succeeded => Color.Success,
        JobStatus.Failed => Color.Error,
        JobStatus.Running => Color.Info,
        JobStatus.Cancelled or JobStatus.Interrupted => Color.Warning,
        _ => Color.Default,
    };

    public void Dispose()
    {
        Workspace.Changed -= OnWorkspaceChanged;
        Notifier.Changed -= OnRunChanged;
    }
}
