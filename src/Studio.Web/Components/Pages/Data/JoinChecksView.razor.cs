using System.Globalization;
using Microsoft.AspNetCore.Components;
using Studio.Analysis.Joins;

namespace Studio.Web.Components.Pages.Data;

/// <summary>Orphan counts of events → customers and events → products in a workspace.</summary>
public sealed partial class JoinChecksView
{
    [Inject] public required JoinChecker Joins { get; init; }

    [Parameter, EditorRequired] public int WorkspaceId { get; set; }
    /// <summary>Changing it re-runs the checks (e.g. after another import).</summary>
    [Parameter] public int Revision { get; set; }
    /// <summary>When set, only the checks that read this dataset (by name, any version) are shown.</summary>
    [Parameter] public string? DatasetName { get; set; }

    private IReadOnlyList<JoinCheck>? _checks;
    private (int, int)? _loaded;

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded == (WorkspaceId, Revision)) return;
        _loaded = (WorkspaceId, Revision);
        var checks = await Joins.CheckAsync(WorkspaceId);
        _checks = DatasetName is null ? checks : [.. checks.Where(c => c.FromDataset == DatasetName || c.ToDataset == DatasetName)];
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
