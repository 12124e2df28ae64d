using Microsoft.AspNetCore.Components;
using MudBlazor;
using Studio.Core.Datasets;
using Studio.Core.Jobs;
using Studio.Data.Datasets;
using Studio.Data.Jobs;
using Studio.Web.Workspaces;

namespace Studio.Web.Components.Pages.Data;

public sealed partial class DatasetsPage : IDisposable
{
    [Inject] public required WorkspaceState Workspace { get; init; }
    [Inject] public required DatasetRepository Datasets { get; init; }
    [Inject] public required JobNotifier Jobs { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    private List<DatasetRow>? _datasets;

    private bool ImportRunning => Jobs.Active.Any(j => j.Kind == JobKind.Import);

    protected override async Task OnInitializedAsync()
    {
        Workspace.Changed += OnWorkspaceChanged;
        Jobs.Changed += OnJobChanged;
        if (Workspace.Current is null) await Workspace.LoadAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (Workspace.Current is null)
        {
            _datasets = [];
            return;
        }
        var datasets = await Datasets.ListAsync(Workspace.Current.Id);
        _datasets = datasets.Select(DatasetRow.From).ToList();
    }

    private void OnWorkspaceChanged() => RefreshFromBackground(LoadAsync);

    private void OnJobChanged(JobSnapshot job)
    {
        if (job.Kind == JobKind.Import && job.Status.IsFinished()) RefreshFromBackground(LoadAsync);
    }

    private void Open(DatasetRow? row)
    {
        if (row is not null) Navigation.NavigateTo($"data/{row.Id}");
    }

    private static Color RoleColor(DatasetRole role) => role switch
    {
        DatasetRole.Customers => Color.Primary,
        DatasetRole.Products => Color.Secondary,
        DatasetRole.Events => Color.Tertiary,
        DatasetRole.Offers => Color.Info,
        DatasetRole.Experiments => Color.Success,
        _ => Color.Default,
    };

    public void Dispose()
    {
        Workspace.Changed -= OnWorkspaceChanged;
        Jobs.Changed -= OnJobChanged;
    }
}

public sealed record DatasetRow(int Id, string Name, DatasetRole Role, int Version, long RowCount, int ColumnCount,
    string? SourceFileName, DateTimeOffset CreatedAt)
{
    public static DatasetRow From(Dataset d) =>
        new(d.Id, d.Name, d.Role, d.Version, d.RowCount, d.Columns.Count, d.SourceFileName, d.CreatedAt);
}
