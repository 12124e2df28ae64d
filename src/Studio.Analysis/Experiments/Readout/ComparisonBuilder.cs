using Studio.Analysis.Experiments.Aggregation;
using Studio.Analysis.Experiments.Statistics;

namespace Studio.Analysis.Experiments.Readout;

/// <summary>Turns per-arm sufficient statistics into arm summaries and treatment-vs-control comparisons.</summary>
internal sealed class ComparisonBuilder(ExperimentSpec spec, IReadOnlyList<string> arms, IReadOnlyList<double> intendedShares, bool hasConversion, bool hasRevenue)
{
    public IReadOnlyList<ArmSummary> Arms(ArmAccumulator[] totals)
    {
        var all = totals.Sum(t => t.N);
        return [.. totals.Select((t, a) => new ArmSummary(
            arms[a],
            a == 0,
            t.N,
            intendedShares[a],
            all > 0 ? (double)t.N / all : double.NaN,
            hasConversion ? t.ConversionCount : null,
            hasConversion ? ProportionStatistics.Interval(t.ConversionCount, t.N, spec.Alpha, spec.ConversionInterval) : null,
            hasRevenue ? MeanStatistics.MeanInterval(t.RevenueMoments, spec.Alpha) : null,
            hasRevenue ? t.RevenueMoments.StandardDeviation : null))];
    }

    /// <param name="cuped">Pooled CUPED inputs per metric, or null to skip CUPED.</param>
    public IReadOnlyList<MetricComparison> Comparisons(ArmAccumulator[] totals, CupedInputs? cuped)
    {
        var raw = new List<MetricComparison>();
        var control = totals[0];
        for (var a = 1; a < totals.Length; a++)
        {
            var treatment = totals[a];
            if (treatment.N == 0 || control.N == 0) continue;
            if (hasConversion) raw.Add(Conversion(arms[a], treatment, control, cuped));
            if (hasRevenue && treatment.N > 1 && control.N > 1) raw.Add(Revenue(arms[a], treatment, control, cuped));
        }

        var adjusted = MultipleTesting.Adjust([.. raw.Select(c => c.Test.PValue)], spec.Correction);
        return [.. raw.Select((c, i) => c with { AdjustedPValue = adjusted[i], Significant = adjusted[i] < spec.Alpha })];
    }

    private MetricComparison Conversion(string name, ArmAccumulator t, ArmAccumulator c, CupedInputs? cuped)
    {
        var test = ProportionStatistics.TwoProportionZTest(t.ConversionCount, t.N, c.ConversionCount, c.N);
        var absolute = ProportionStatistics.DifferenceInterval(t.ConversionCount, t.N, c.ConversionCount, c.N, spec.Alpha);
        var relative = DeltaMethod.RelativeLift(
            ProportionStatistics.BinomialMoments(t.ConversionCount, t.N), ProportionStatistics.BinomialMoments(c.ConversionCount, c.N), spec.Alpha);
        var bayes = BayesianComparison.BetaBinomial(t.ConversionCount, t.N, c.ConversionCount, c.N);
        var adjusted = cuped is null || t.N < 2 || c.N < 2
            ? null
            : Cuped.Compare(t.ConversionWithPre, c.ConversionWithPre, cuped.ConversionTheta, cuped.MeanPre, spec.Alpha);
        return new MetricComparison(ExperimentMetric.Conversion, name, arms[0], (double)t.ConversionCount / t.N, (double)c.ConversionCount / c.N,
            absolute, relative, test, double.NaN, false, bayes, adjusted);
    }

    private MetricComparison Revenue(string name, ArmAccumulator t, ArmAccumulator c, CupedInputs? cuped)
    {
        var mt = t.RevenueMoments;
        var mc = c.RevenueMoments;
        var welch = MeanStatistics.WelchTest(mt, mc, spec.Alpha);
        var adjusted = cuped is null ? null : Cuped.Compare(t.RevenueWithPre, c.RevenueWithPre, cuped.RevenueTheta, cuped.MeanPre, spec.Alpha);
        return new MetricComparison(ExperimentMetric.Revenue, name, arms[0], mt.Mean, mc.Mean,
            welch.Difference, DeltaMethod.RelativeLift(mt, mc, spec.Alpha), welch.Test, double.NaN, false,
            BayesianComparison.Normal(mt, mc), adjusted);
    }
}

/// <summary>CUPED thetas computed once on all units of all arms.</summary>
internal sealed record CupedInputs(double ConversionTheta, double RevenueTheta, double MeanPre)
{
    public static CupedInputs From(ArmAccumulator[] totals)
    {
        var pooled = default(ArmAccumulator);
        foreach (var t in totals) pooled.Add(t);
        return new CupedInputs(Cuped.Theta(pooled.ConversionWithPre), Cuped.Theta(pooled.RevenueWithPre), pooled.Pre / pooled.N);
    }
}
