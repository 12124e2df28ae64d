using MathNet.Numerics.Distributions;
using Studio.Analysis.Experiments;
using Studio.Analysis.Experiments.Readout;
using Studio.Web.Components.Charts;

namespace Studio.Web.Experiments;

/// <summary>
/// Chart inputs for a readout: forest plot of relative lifts, cumulative always-valid lift per metric, posterior
/// densities per metric, segment lifts. A point whose value or interval is not finite (undefined lift, constant metric)
/// is left out, so NaN or Infinity never reaches a chart.
/// </summary>
public static class ReadoutCharts
{
    private const int PosteriorPoints = 160;

    public static ChartSpec Forest(ExperimentReadout readout)
    {
        ArgumentNullException.ThrowIfNull(readout);
        var finite = readout.Comparisons.Where(c => Finite(c.RelativeLift.Value, c.RelativeLift.Low, c.RelativeLift.High)).ToList();
        var series = finite.GroupBy(c => c.Metric).Select(g =>
        {
            var items = g.ToList();
            return new ChartSeries(g.Key,
                [.. items.Select(c => (object)(c.RelativeLift.Value * 100))],
                [.. items.Select(c => (object)$"{c.Treatment} · {c.Metric}")],
                SeriesKind.Markers,
                [.. items.Select(c => (c.RelativeLift.Value - c.RelativeLift.Low) * 100)],
                [.. items.Select(c => (c.RelativeLift.High - c.RelativeLift.Value) * 100)]);
        }).ToList();
        return new ChartSpec("Relative lift vs control with confidence intervals", "Relative lift (%)", "", series,
            Height: 120 + 50 * Math.Max(1, finite.Count), VerticalLines: [0], ErrorsOnX: true);
    }

    /// <summary>One chart per metric with at least one day.</summary>
    public static IReadOnlyList<ChartSpec> Timelines(ExperimentReadout readout)
    {
        ArgumentNullException.ThrowIfNull(readout);
        return [.. readout.Timeline.GroupBy(t => (t.Metric, t.Kind)).Select(metric =>
        {
            var scale = metric.Key.Kind == MetricKind.Proportion ? 100 : 1;
            var series = metric.GroupBy(t => t.Treatment).Select(g =>
            {
                var points = g.Where(p => Finite(p.AlwaysValidLift.Value, p.AlwaysValidLift.Low, p.AlwaysValidLift.High)).OrderBy(p => p.Day).ToList();
                return new ChartSeries($"{g.Key} (always-valid interval)",
                    [.. points.Select(p => (object)p.Day.ToDateTime(TimeOnly.MinValue))],
                    [.. points.Select(p => (object)(p.AlwaysValidLift.Value * scale))],
                    SeriesKind.LinesAndMarkers,
                    [.. points.Select(p => (p.AlwaysValidLift.Value - p.AlwaysValidLift.Low) * scale)],
                    [.. points.Select(p => (p.AlwaysValidLift.High - p.AlwaysValidLift.Value) * scale)]);
            }).ToList();
            var unit = metric.Key.Kind == MetricKind.Proportion ? "percentage points" : "per unit";
            return new ChartSpec($"{metric.Key.Metric}: cumulative lift over time", "Day", $"Absolute lift ({unit})", series);
        })];
    }

    /// <summary>
    /// The posterior of each arm's metric (the Bayesian columns of the comparisons): Beta(1 + conversions, 1 + n - conversions)
    /// for a proportion, normal(estimate, variance of the estimate) for a mean or ratio (flat prior). One chart per metric.
    /// </summary>
    public static IReadOnlyList<ChartSpec> Posteriors(ExperimentReadout readout)
    {
        ArgumentNullException.ThrowIfNull(readout);
        var charts = new List<ChartSpec>();
        for (var m = 0; m < readout.Metrics.Count; m++)
        {
            var arms = readout.Arms.Select(a => (a.Variant, Metric: a.Metrics[m])).Where(x => x.Metric.Successes is not null || x.Metric.VarianceOfEstimate > 0).ToList();
            var densities = arms.Select(x => (x.Variant, Density: Density(x.Metric, readout.Arms.First(a => a.Variant == x.Variant).Units))).Where(x => x.Density is not null).ToList();
            if (densities.Count == 0) continue;
            var low = densities.Min(d => d.Density!.Value.Mean - 4.5 * d.Density.Value.Sd);
            var high = densities.Max(d => d.Density!.Value.Mean + 4.5 * d.Density.Value.Sd);
            if (!Finite(low, high) || !(high > low)) continue;
            var scale = readout.Metrics[m].Kind == MetricKind.Proportion ? 100 : 1;
            var xs = Enumerable.Range(0, PosteriorPoints).Select(i => low + (high - low) * i / (PosteriorPoints - 1)).ToArray();
            var series = densities.Select(d =>
            {
                var points = xs.Select(x => (X: x, Y: d.Density!.Value.Pdf(x))).Where(p => Finite(p.Y)).ToList();
                return new ChartSeries(d.Variant, [.. points.Select(p => (object)(p.X * scale))], [.. points.Select(p => (object)(p.Y / scale))], SeriesKind.Area);
            }).ToList();
            var axis = readout.Metrics[m].Kind == MetricKind.Proportion ? $"{readout.Metrics[m].Name} (%)" : readout.Metrics[m].Name;
            charts.Add(new ChartSpec($"{readout.Metrics[m].Name}: posterior per arm", axis, "Density", series, Height: 280));
        }

        return charts;
    }

    private readonly record struct PosteriorDensity(double Mean, double Sd, Func<double, double> Pdf);

    private static PosteriorDensity? Density(ArmMetric metric, long units)
    {
        if (metric.Successes is { } successes)
        {
            double a = 1 + successes, b = 1 + units - successes;
            var mean = a / (a + b);
            var sd = Math.Sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)));
            return new PosteriorDensity(mean, sd, x => x <= 0 || x >= 1 ? 0 : Beta.PDF(a, b, x));
        }

        var s = Math.Sqrt(metric.VarianceOfEstimate);
        var center = metric.Estimate.Value;
        return Finite(center, s) && s > 0 ? new PosteriorDensity(center, s, x => Normal.PDF(center, s, x)) : null;
    }

    public static ChartSpec? Segments(ExperimentReadout readout)
    {
        ArgumentNullException.ThrowIfNull(readout);
        if (readout.Segments is not { } breakdown || readout.Metrics.Count == 0) return null;
        var metric = readout.Metrics[0].Name;
        var treatments = readout.Arms.Where(a => !a.IsControl).Select(a => a.Variant).ToList();
        var series = treatments.Select(t =>
        {
            var rows = breakdown.Values.Select(v => (v.Value, C: v.Comparisons.FirstOrDefault(c => c.Treatment == t && c.Metric == metric)))
                .Where(r => r.C is not null && Finite(r.C.RelativeLift.Value, r.C.RelativeLift.Low, r.C.RelativeLift.High)).ToList();
            return new ChartSeries(t, [.. rows.Select(r => (object)r.Value)], [.. rows.Select(r => (object)(r.C!.RelativeLift.Value * 100))], SeriesKind.Bar,
                [.. rows.Select(r => (r.C!.RelativeLift.Value - r.C.RelativeLift.Low) * 100)],
                [.. rows.Select(r => (r.C!.RelativeLift.High - r.C.RelativeLift.Value) * 100)]);
        }).ToList();
        return new ChartSpec($"{metric}: relative lift by {breakdown.Attribute}", breakdown.Attribute, "Relative lift (%)", series);
    }

    private static bool Finite(params double[] values) => values.All(double.IsFinite);
}
