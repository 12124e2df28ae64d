using System.Globalization;

namespace Studio.Analysis.Experiments.Input;

/// <summary>One arm of a simulated experiment with its true (planted) metric values.</summary>
/// <param name="Weight">Share of traffic the simulation actually sends to this arm (make it differ from the spec's
/// intended split to plant a sample-ratio mismatch).</param>
/// <param name="ConversionRate">True mean conversion rate.</param>
/// <param name="OrderValue">Mean revenue of a converting unit; true mean revenue per unit = ConversionRate * OrderValue.</param>
public sealed record SyntheticArm(string Variant, double Weight, double ConversionRate, double OrderValue)
{
    public double TrueMeanRevenue => ConversionRate * OrderValue;
}

/// <param name="SegmentValues">Number of distinct values of the "country" segment (Zipf-like sizes).</param>
public sealed record SyntheticExperimentSpec(string Name, int Units, IReadOnlyList<SyntheticArm> Arms, int Seed = 42, int Days = 14, int SegmentValues = 30)
{
    public const string SegmentAttribute = "country";
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
}

/// <summary>
/// Simulates a log with known lifts, for tests, benchmarks and demos. The pre-period covariate X ~ Exp(mean 50) drives
/// conversion: P(convert | X) = rate * (0.5 + 0.5 X / 50), so E[conversion] = rate and CUPED has signal to remove;
/// a converting unit's revenue ~ Exp(OrderValue), independent of X. Rows are in assignment-time order.
/// </summary>
public static class SyntheticExperiment
{
    private const double PreMean = 50;

    public static ExperimentLog Generate(SyntheticExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var n = spec.Units;
        var random = new Random(spec.Seed);
        var cumulative = new double[spec.Arms.Count];
        var total = spec.Arms.Sum(a => a.Weight);
        for (double acc = 0, a = 0; a < cumulative.Length; a++) cumulative[(int)a] = acc += spec.Arms[(int)a].Weight / total;
        var segments = Enumerable.Range(0, spec.SegmentValues).Select(i => $"S{i:00}").ToArray();
        var segmentCumulative = new double[segments.Length];
        var zipf = Enumerable.Range(1, segments.Length).Sum(k => 1.0 / k);
        for (double acc = 0, k = 0; k < segments.Length; k++) segmentCumulative[(int)k] = acc += 1.0 / (k + 1) / zipf;

        var unitIds = new string[n];
        var variants = new string[n];
        var times = new DateTimeOffset[n];
        var converted = new double[n];
        var revenue = new double[n];
        var pre = new double[n];
        var segment = new string?[n];
        var step = TimeSpan.FromDays(spec.Days).Ticks / Math.Max(1, n);
        for (var i = 0; i < n; i++)
        {
            var arm = spec.Arms[Pick(cumulative, random.NextDouble())];
            unitIds[i] = "u" + i.ToString("D8", CultureInfo.InvariantCulture);
            variants[i] = arm.Variant;
            times[i] = SyntheticExperimentSpec.Start.AddTicks(step * i);
            var x = -PreMean * Math.Log(1 - random.NextDouble());
            pre[i] = x;
            var p = Math.Min(1, arm.ConversionRate * (0.5 + 0.5 * x / PreMean));
            var c = random.NextDouble() < p;
            converted[i] = c ? 1 : 0;
            revenue[i] = c ? -arm.OrderValue * Math.Log(1 - random.NextDouble()) : 0;
            segment[i] = segments[Pick(segmentCumulative, random.NextDouble())];
        }

        return new ExperimentLog(spec.Name, unitIds, variants, times, converted, revenue, pre,
            new Dictionary<string, string?[]> { [SyntheticExperimentSpec.SegmentAttribute] = segment });
    }

    private static int Pick(double[] cumulative, double u)
    {
        for (var i = 0; i < cumulative.Length - 1; i++)
        {
            if (u < cumulative[i]) return i;
        }

        return cumulative.Length - 1;
    }
}
