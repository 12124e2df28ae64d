using Studio.Analysis.Experiments;
using Studio.Analysis.Experiments.Readout;
using Studio.Web.Components.Charts;

namespace Studio.Web.Experiments;

/// <summary>Chart inputs for a readout: forest plot of relative lifts, cumulative always-valid lift, segment lifts.</summary>
public static class ReadoutCharts
{
    public static ChartSpec Forest(ExperimentReadout readout)
    {
        ArgumentNullException.ThrowIfNull(readout);
        var series = readout.Comparisons.GroupBy(c => c.Metric).Select(g =>
        {
            var items = g.ToList();
            return new ChartSeries(ReadoutFormat.MetricName(g.Key),
                [.. items.Select(c => (object)(c.RelativeLift.Value * 100))],
                [.. items.Select(c => (object)$"{c.Treatment} ({(c.Metric == ExperimentMetric.Conversion ? "conv." : "rev.")})")],
                SeriesKind.Markers,
                [.. items.Select(c => (c.RelativeLift.Value - c.RelativeLift.Low) * 100)],
                [.. items.Select(c => (c.RelativeLift.High - c.RelativeLift.Value) * 100)]);
        }).ToList();
        return new ChartSpec("Relative lift vs control with confidence intervals", "Relative lift (%)", "", series,
            Height: 120 + 50 * readout.Comparisons.Count, VerticalLines: [0], ErrorsOnX: true);
    }

    public static ChartSpec Timeline(ExperimentReadout readout)
    {
        ArgumentNullException.ThrowIfNull(readout);
        var metric = readout.Timeline.Any(t => t.Metric == ExperimentMetric.Conversion) ? ExperimentMetric.Conversion : ExperimentMetric.Revenue;
        var scale = metric == ExperimentMetric.Conversion ? 100 : 1;
        var series = readout.Timeline.Where(t => t.Metric == metric).GroupBy(t => t.Treatment).Select(g =>
        {
            var points = g.OrderBy(p => p.Day).ToList();
            return new ChartSeries($"{g.Key} (always-valid interval)",
                [.. points.Select(p => (object)p.Day.ToDateTime(TimeOnly.MinValue))],
                [.. points.Select(p => (object)(p.AlwaysValidLift.Value * scale))],
                SeriesKind.LinesAndMarkers,
                [.. points.Select(p => (p.AlwaysValidLift.Value - p.AlwaysValidLift.Low) * scale)],
                [.. points.Select(p => (p.AlwaysValidLift.High - p.AlwaysValidLift.Value) * scale)]);
        }).ToList();
        var unit = metric == ExperimentMetric.Conversion ? "percentage points" : "per unit";
        return new ChartSpec($"Cumulative {ReadoutFormat.MetricName(metric).ToLowerInvariant()} lift over time", "Day", $"Absolute lift ({unit})", series);
    }

    public static ChartSpec? Segments(ExperimentReadout readout)
    {
        ArgumentNullException.ThrowIfNull(readout);
        if (readout.Segments is not { } breakdown) return null;
        var metric = readout.Comparisons.Any(c => c.Metric == ExperimentMetric.Conversion) ? ExperimentMetric.Conversion : ExperimentMetric.Revenue;
        var treatments = readout.Arms.Where(a => !a.IsControl).Select(a => a.Variant).ToList();
        var series = treatments.Select(t =>
        {
            var rows = breakdown.Values.Select(v => (v.Value, C: v.Comparisons.FirstOrDefault(c => c.Treatment == t && c.Metric == metric)))
                .Where(r => r.C is not null).ToList();
            return new ChartSeries(t, [.. rows.Select(r => (object)r.Value)], [.. rows.Select(r => (object)(r.C!.RelativeLift.Value * 100))], SeriesKind.Bar,
                [.. rows.Select(r => (r.C!.RelativeLift.Value - r.C.RelativeLift.Low) * 100)],
                [.. rows.Select(r => (r.C!.RelativeLift.High - r.C.RelativeLift.Value) * 100)]);
        }).ToList();
        return new ChartSpec($"Relative {ReadoutFormat.MetricName(metric).ToLowerInvariant()} lift by {breakdown.Attribute}", breakdown.Attribute, "Relative lift (%)", series);
    }
}
