using Microsoft.AspNetCore.Components;
using MudBlazor;
using Studio.Data.Datasets;
using Studio.Data.Segments;
using Studio.Web.Audit;
using Studio.Web.Workspaces;

namespace Studio.Web.Components.Pages.Segments;

public sealed partial class SegmentsPage : IDisposable
{
    [Inject] public required WorkspaceState Workspace { get; init; }
    [Inject] public required SegmentStore Store { get; init; }
    [Inject] public required DatasetRepository Datasets { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required AuditTrail Audit { get; init; }

    private IReadOnlyList<Segment>? _segments;
    private Dictionary<int, Dataset> _datasets = [];

    protected override async Task OnInitializedAsync()
    {
        Workspace.Changed += OnWorkspaceChanged;
        if (Workspace.Current is null) await Workspace.LoadAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (Workspace.Current is not { } workspace) { _segments = []; return; }
        _datasets = (await Datasets.ListAsync(workspace.Id)).ToDictionary(d => d.Id);
        _segments = await Store.ListAsync(workspace.Id);
    }

    private string DatasetLabel(int id) => _datasets.TryGetValue(id, out var d) ? $"{d.Name} v{d.Version}" : $"#{id}";

    public static string SourceLabel(SegmentSource source) => source switch
    {
        SegmentSource.Rule => "Rules",
        SegmentSource.Selection => "Projection selection",
        SegmentSource.KMeans => "K-means",
        _ => "Imported keys",
    };

    private async Task DeleteAsync(Segment segment)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete segment",
            $"Delete \"{segment.Name}\" ({segment.MemberCount:N0} customers) and its export log?", yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true) return;
        if (await Store.DeleteAsync(segment.Id)) await Audit.SegmentDeletedAsync(segment);
        await LoadAsync();
    }

    private void OnWorkspaceChanged() => RefreshFromBackground(LoadAsync);

    public void Dispose() => Workspace.Changed -= OnWorkspaceChanged;
}
