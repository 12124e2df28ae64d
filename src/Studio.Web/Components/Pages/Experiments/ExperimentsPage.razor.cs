using Microsoft.AspNetCore.Components;
using Studio.Data.Experiments;
using Studio.Web.Workspaces;

namespace Studio.Web.Components.Pages.Experiments;

public sealed partial class ExperimentsPage : IDisposable
{
    [Inject] public required WorkspaceState Workspace { get; init; }
    [Inject] public required ExperimentRepository Experiments { get; init; }

    private IReadOnlyList<ExperimentDefinition>? _experiments;
    private bool _creating;

    protected override async Task OnInitializedAsync()
    {
        Workspace.Changed += OnWorkspaceChanged;
        if (Workspace.Current is null) await Workspace.LoadAsync();
        await LoadAsync();
    }

    private async Task LoadAsync() =>
        _experiments = Workspace.Current is null ? [] : await Experiments.ListAsync(Workspace.Current.Id);

    private void OnWorkspaceChanged() => RefreshFromBackground(LoadAsync);

    public void Dispose() => Workspace.Changed -= OnWorkspaceChanged;
}
