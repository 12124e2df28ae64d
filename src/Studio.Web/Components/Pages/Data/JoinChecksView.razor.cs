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

    private IReadOnlyList<JoinCheck>? _checks;
    private (int, int)? _loaded;

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded == (WorkspaceId, Revision)) return;
        _loaded = (WorkspaceId, Revision);
        _checks = await Joins.CheckAsync(WorkspaceId);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
