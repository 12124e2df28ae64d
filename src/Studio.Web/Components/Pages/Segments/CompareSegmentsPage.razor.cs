using System.Globalization;
using Microsoft.AspNetCore.Components;
using Studio.Analysis.Segments;
using Studio.Data.Segments;
using Studio.Web.Workspaces;

namespace Studio.Web.Components.Pages.Segments;

/// <summary>Two segments side by side; A and B live in the query string so a comparison can be shared.</summary>
public sealed partial class CompareSegmentsPage
{
    [Inject] public required WorkspaceState Workspace { get; init; }
    [Inject] public required SegmentStore Store { get; init; }
    [Inject] public required SegmentService Segments { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    [SupplyParameterFromQuery(Name = "a")] public int? A { get; set; }
    [SupplyParameterFromQuery(Name = "b")] public int? B { get; set; }

    private IReadOnlyList<Segment> _segments = [];
    private int? _a;
    private int? _b;
    private SegmentComparison? _comparison;
    private string? _error;

    protected override async Task OnParametersSetAsync()
    {
        if (Workspace.Current is null) await Workspace.LoadAsync();
        _segments = Workspace.Current is { } w ? await Store.ListAsync(w.Id) : [];
        (_a, _b) = (A, B);
        await CompareAsync();
    }

    private Task PickAsync(int? a, int? b)
    {
        Navigation.NavigateTo(string.Create(CultureInfo.InvariantCulture, $"segments/compare?a={a}&b={b}"));
        return Task.CompletedTask;
    }

    private async Task CompareAsync()
    {
        (_comparison, _error) = (null, null);
        if (_a is not { } a || _b is not { } b) return;
        if (a == b) { _error = "Choose two different segments."; return; }
        try
        {
            _comparison = await Segments.CompareAsync(a, b);
        }
        catch (SegmentValidationException e)
        {
            _error = e.Message;
        }
    }

    private string NameOf(int? id) => _segments.FirstOrDefault(s => s.Id == id)?.Name ?? "";

    private static string Signed(double value) => double.IsNaN(value) ? "–" : value.ToString("+0.00;−0.00;0.00", CultureInfo.CurrentCulture);
}
