using Microsoft.AspNetCore.Components;
using Studio.Data.Segments;

namespace Studio.Web.Components.Pages.Segments;

/// <summary>Column picker, browser download through the export endpoint, and the export log.</summary>
public sealed partial class ExportPanel
{
    /// <summary>How long the endpoint gets to write and log before the log is re-read after a click.</summary>
    public static TimeSpan LogRefreshDelay { get; set; } = TimeSpan.FromSeconds(1.5);

    [Inject] public required SegmentStore Store { get; init; }

    [Parameter, EditorRequired] public int SegmentId { get; set; }
    [Parameter] public IReadOnlyList<string> Columns { get; set; } = [];

    private IReadOnlyList<string> _chosen = [];
    private string _format = "csv";
    private IReadOnlyList<SegmentExport> _log = [];
    private int _loadedFor;

    private string DownloadUrl => $"api/segments/{SegmentId}/export?format={_format}" +
        string.Concat(_chosen.Select(c => "&columns=" + Uri.EscapeDataString(c)));

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedFor == SegmentId) return;
        _loadedFor = SegmentId;
        _chosen = Columns;
        _log = await Store.ListExportsAsync(SegmentId);
    }

    private void ColumnsChanged(IEnumerable<string> columns) => _chosen = [.. Columns.Where(columns.Contains)];

    private async Task DownloadedAsync()
    {
        var before = _log.Count;
        for (var attempt = 0; attempt < 4 && _log.Count == before; attempt++)
        {
            await Task.Delay(LogRefreshDelay);
            _log = await Store.ListExportsAsync(SegmentId);
        }
    }
}
