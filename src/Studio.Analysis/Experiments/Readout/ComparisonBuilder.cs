using Studio.Analysis.Experiments.Aggregation;
using Studio.Analysis.Experiments.Statistics;

namespace Studio.Analysis.Experiments.Readout;

/// <summary>Turns per-arm, per-metric sufficient statistics into arm summaries and treatment-vs-control comparisons.</summary>
internal sealed class ComparisonBuilder(ExperimentSpec spec, IReadOnlyList<string> arms, IReadOnlyList<double> intendedShares, IReadOnlyList<MetricSpec> metrics)
{
    private int M => metrics.Count;

    public IReadOnlyList<ArmSummary> Arms(MetricAccumulator[] totals)
    {
        var units = Enumerable.Range(0, arms.Count).Select(a => M == 0 ? 0 : totals[a * M].N).ToArray();
        var all = units.Sum();
        return [.. arms.Select((name, a) => new ArmSummary(
            name,
            a == 0,
            units[a],
            intendedShares[a],
            all > 0 ? (double)units[a] / all : double.NaN,
            [.. metrics.Select((metric, m) => ArmMetric(metric, totals[a * M + m]))]))];
    }

    private ArmMetric ArmMetric(MetricSpec metric, MetricAccumulator t)
    {
        var moments = t.Estimate(metric.Kind);
        var interval = metric.Kind switch
        {
            MetricKind.Proportion => ProportionStatistics.Interval(t.Successes, t.N, spec.Alpha, spec.ConversionInterval),
            MetricKind.Mean => MeanStatistics.MeanInterval(moments, spec.Alpha),
            _ => IntervalEstimate.Symmetric(moments.Mean, Distributions.NormalQuantile(1 - spec.Alpha / 2) * Math.Sqrt(moments.VarianceOfMean)),
        };
        var sd = metric.Kind == MetricKind.Mean ? moments.StandardDeviation : Math.Sqrt(moments.VarianceOfMean * moments.N);
        return new ArmMetric(metric.Name, metric.Kind, interval, sd, moments.VarianceOfMean, metric.Kind == MetricKind.Proportion ? t.Successes : null);
    }

    /// <summary>Every metric × treatment comparison; ONE correction family over all of them.</summary>
    /// <param name="cuped">Pooled CUPED inputs per metric, or null to skip CUPED.</param>
    public IReadOnlyList<MetricComparison> Comparisons(MetricAccumulator[] totals, CupedInputs? cuped)
    {
        var raw = new List<MetricComparison>();
        for (var a = 1; a < arms.Count; a++)
        {
            for (var m = 0; m < M; m++)
            {
                var treatment = totals[a * M + m];
                var control = totals[m];
                if (treatment.N == 0 || control.N == 0) continue;
                if (metrics[m].Kind != MetricKind.Proportion && (treatment.N < 2 || control.N < 2)) continue;
                raw.Add(Compare(metrics[m], arms[a], treatment, control, cuped?.Thetas[m], cuped?.MeanPre ?? 0));
            }
        }

        var adjusted = MultipleTesting.Adjust([.. raw.Select(c => c.Test.PValue)], spec.Correction);
        return [.. raw.Select((c, i) => c with { AdjustedPValue = adjusted[i], Significant = adjusted[i] < spec.Alpha })];
    }

    private MetricComparison Compare(MetricSpec metric, string name, MetricAccumulator t, MetricAccumulator c, double? theta, double meanPre)
    {
        var mt = t.Estimate(metric.Kind);
        var mc = c.Estimate(metric.Kind);
        var relative = DeltaMethod.RelativeLift(mt, mc, spec.Alpha);
        var withCuped = theta is { } th && metric.Kind != MetricKind.Ratio && t.N > 1 && c.N > 1
            ? Cuped.Compare(t.WithPre, c.WithPre, th, meanPre, spec.Alpha)
            : null;
        TestResult test;
        IntervalEstimate absolute;
        BayesianResult bayes;
        switch (metric.Kind)
        {
            case MetricKind.Proportion:
                test = ProportionStatistics.TwoProportionZTest(t.Successes, t.N, c.Successes, c.N);
                absolute = ProportionStatistics.DifferenceInterval(t.Successes, t.N, c.Successes, c.N, spec.Alpha);
                bayes = BayesianComparison.BetaBinomial(t.Successes, t.N, c.Successes, c.N);
                break;
            case MetricKind.Mean:
                var welch = MeanStatistics.WelchTest(mt, mc, spec.Alpha);
                (test, absolute) = (welch.Test, welch.Difference);
                bayes = BayesianComparison.Normal(mt, mc);
                break;
            default:
                (test, absolute) = NormalDifference(mt, mc, spec.Alpha);
                bayes = BayesianComparison.Normal(mt, mc);
                break;
        }

        return new MetricComparison(metric.Name, metric.Kind, metric.Role, name, arms[0], mt.Mean, mc.Mean,
            absolute, relative, test, double.NaN, false, bayes, withCuped);
    }

    /// <summary>z-test and normal interval of a difference of two independent estimates (ratio metrics).</summary>
    internal static (TestResult Test, IntervalEstimate Difference) NormalDifference(SampleMoments t, SampleMoments c, double alpha)
    {
        var se = Math.Sqrt(t.VarianceOfMean + c.VarianceOfMean);
        var diff = t.Mean - c.Mean;
        var z = se > 0 ? diff / se : double.NaN;
        return (new TestResult(z, double.PositiveInfinity, Distributions.NormalTwoSidedP(z)),
            IntervalEstimate.Symmetric(diff, Distributions.NormalQuantile(1 - alpha / 2) * se));
    }
}

/// <summary>CUPED thetas (one per metric) computed once on all units of all arms.</summary>
internal sealed record CupedInputs(IReadOnlyList<double> Thetas, double MeanPre)
{
    public static CupedInputs From(MetricAccumulator[] totals, int armCount, int metricCount)
    {
        var thetas = new double[metricCount];
        var pooled = new MetricAccumulator[metricCount];
        for (var a = 0; a < armCount; a++)
        {
            for (var m = 0; m < metricCount; m++) pooled[m].Add(totals[a * metricCount + m]);
        }

        for (var m = 0; m < metricCount; m++) thetas[m] = Cuped.Theta(pooled[m].WithPre);
        return new CupedInputs(thetas, metricCount == 0 ? 0 : pooled[0].Pre / pooled[0].N);
    }
}
