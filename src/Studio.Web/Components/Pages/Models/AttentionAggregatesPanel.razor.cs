using System.Globalization;
using Microsoft.AspNetCore.Components;
using Studio.Ml.Sequences.Attention;
using Studio.Ml.Sequences.Service;
using Studio.Web.Components.Charts;

namespace Studio.Web.Components.Pages.Models;

/// <summary>Aggregate attention (event type, recency, category pair), computed on demand off the circuit thread.</summary>
public sealed partial class AttentionAggregatesPanel
{
    [Inject] public required AttentionService Attention { get; init; }

    [Parameter, EditorRequired] public required int RunId { get; set; }

    private int _customers = 2000;
    private bool _computing;
    private string? _error;
    private AttentionAggregates? _aggregates;
    private ChartSpec? _byType;
    private ChartSpec? _byRecency;
    private List<string> _histories = [];
    private List<string> _targets = [];
    private Dictionary<(string, string), CategoryPairAttention> _pairs = [];

    private async Task ComputeAsync()
    {
        _computing = true;
        _error = null;
        try
        {
            _aggregates = await Attention.AggregateAsync(RunId, _customers);
            _byType = Bars("Lift by event type", "event type", _aggregates.ByEventType.OrderByDescending(s => s.MeanLift).ToList());
            _byRecency = Bars("Lift by recency (1 = most recent)", "position", _aggregates.ByRecency);
            _pairs = _aggregates.ByCategoryPair.ToDictionary(p => (p.HistoryCategory, p.TargetCategory));
            _histories = _aggregates.ByCategoryPair.Select(p => p.HistoryCategory).Distinct().Order(StringComparer.Ordinal).ToList();
            _targets = _aggregates.ByCategoryPair.Select(p => p.TargetCategory).Distinct().Order(StringComparer.Ordinal).ToList();
        }
        catch (InvalidOperationException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _computing = false;
        }
    }

    private static ChartSpec Bars(string title, string xTitle, IReadOnlyList<AttentionShare> shares) => new(
        title,
        xTitle,
        "lift (weight × events)",
        [new ChartSeries("lift", shares.Select(s => (object)s.Key).ToList(), shares.Select(s => (object)s.MeanLift).ToList(), SeriesKind.Bar,
            Text: shares.Select(s => $"mean weight {s.MeanWeight.ToString("P1", CultureInfo.CurrentCulture)} over {s.Positions.ToString("N0", CultureInfo.CurrentCulture)} events").ToList())],
        Height: 300,
        ShowLegend: false,
        YMin: 0);

    /// <summary>White at lift 1 (uniform), deeper blue above, light orange below.</summary>
    private static string Shade(double? lift)
    {
        if (lift is not { } value) return "transparent";
        var strength = Math.Clamp(Math.Abs(Math.Log(Math.Max(value, 1e-3))) / Math.Log(4), 0, 1);
        return value >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"rgba(25,118,210,{strength * 0.7:0.00})")
            : string.Create(CultureInfo.InvariantCulture, $"rgba(245,124,0,{strength * 0.5:0.00})");
    }

    private static string Title(CategoryPairAttention? cell) => cell is null ? "" :
        $"{cell.HistoryCategory} → {cell.TargetCategory}: mean weight {cell.MeanWeight.ToString("P1", CultureInfo.CurrentCulture)}, {cell.Positions.ToString("N0", CultureInfo.CurrentCulture)} events";
}
