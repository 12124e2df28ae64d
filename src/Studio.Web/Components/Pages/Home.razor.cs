using Microsoft.AspNetCore.Components;
using Studio.Core.Datasets;
using Studio.Core.Jobs;
using Studio.Data.Datasets;
using Studio.Data.Jobs;
using Studio.Web.Workspaces;

namespace Studio.Web.Components.Pages;

public sealed partial class Home : IDisposable
{
    [Inject] public required WorkspaceState Workspace { get; init; }
    [Inject] public required DatasetRepository Datasets { get; init; }
    [Inject] public required JobNotifier Notifier { get; init; }

    private IReadOnlyList<Dataset> _datasets = [];

    protected override async Task OnInitializedAsync()
    {
        Workspace.Changed += OnWorkspaceChanged;
        Notifier.Changed += OnJobChanged;
        if (Workspace.Current is null) await Workspace.LoadAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _datasets = Workspace.Current is null ? [] : await Datasets.ListAsync(Workspace.Current.Id);
    }

    private long RowsOf(DatasetRole role) => _datasets.Where(d => d.Role == role).Sum(d => d.RowCount);

    private void OnWorkspaceChanged() => RefreshFromBackground(LoadAsync);

    private void OnJobChanged(JobSnapshot job)
    {
        if (job.Status.IsFinished()) RefreshFromBackground(LoadAsync);
        else RefreshFromBackground();
    }

    public void Dispose()
    {
        Workspace.Changed -= OnWorkspaceChanged;
        Notifier.Changed -= OnJobChanged;
    }
}
