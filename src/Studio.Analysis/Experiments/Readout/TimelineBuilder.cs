using Studio.Analysis.Experiments.Aggregation;
using Studio.Analysis.Experiments.Statistics;

namespace Studio.Analysis.Experiments.Readout;

/// <summary>
/// Cumulative daily lifts. Both the fixed and the always-valid interval use the unpooled normal variance of the
/// lift (pT(1-pT)/nT + pC(1-pC)/nC for proportions, sT^2/nT + sC^2/nC for means, delta-method variances for ratios) so
/// the two are directly comparable.
/// </summary>
internal static class TimelineBuilder
{
    public static IReadOnlyList<TimelinePoint> Build(LogAggregates aggregates, IReadOnlyList<string> arms, IReadOnlyList<MetricSpec> metrics, long originDay, ExperimentSpec spec)
    {
        var points = new List<TimelinePoint>();
        var armCount = arms.Count;
        var metricCount = metrics.Count;
        var cumulative = new MetricAccumulator[armCount * metricCount];
        var z = Distributions.NormalQuantile(1 - spec.Alpha / 2);
        for (var d = 0; d < aggregates.DayCount; d++)
        {
            var anyRows = false;
            for (var i = 0; i < cumulative.Length; i++)
            {
                var today = aggregates.Days[d * cumulative.Length + i];
                anyRows |= today.N > 0;
                cumulative[i].Add(today);
            }

            if (!anyRows) continue;
            var day = DateOnly.FromDayNumber((int)(originDay + d));
            for (var a = 1; a < armCount; a++)
            {
                for (var m = 0; m < metricCount; m++)
                {
                    var treatment = cumulative[a * metricCount + m];
                    var control = cumulative[m];
                    if (treatment.N < 2 || control.N < 2) continue;
                    var kind = metrics[m].Kind;
                    points.Add(Point(day, arms[a], metrics[m], treatment.Estimate(kind), control.Estimate(kind), z, spec));
                }
            }
        }

        return points;
    }

    private static TimelinePoint Point(DateOnly day, string treatment, MetricSpec metric, SampleMoments t, SampleMoments c, double z, ExperimentSpec spec)
    {
        var variance = t.VarianceOfMean + c.VarianceOfMean;
        var lift = t.Mean - c.Mean;
        return new TimelinePoint(day, treatment, metric.Name, metric.Kind, t.N, c.N, t.Mean, c.Mean,
            IntervalEstimate.Symmetric(lift, z * Math.Sqrt(variance)),
            SequentialIntervals.Interval(lift, variance, t.N + c.N, spec.Alpha, spec.SequentialTuning));
    }
}
