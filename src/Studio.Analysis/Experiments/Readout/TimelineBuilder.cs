using Studio.Analysis.Experiments.Aggregation;
using Studio.Analysis.Experiments.Statistics;

namespace Studio.Analysis.Experiments.Readout;

/// <summary>
/// Cumulative daily lifts. Both the fixed and the always-valid interval use the unpooled normal variance of the
/// lift (pT(1-pT)/nT + pC(1-pC)/nC for conversion, sT^2/nT + sC^2/nC for revenue) so the two are directly comparable.
/// </summary>
internal static class TimelineBuilder
{
    public static IReadOnlyList<TimelinePoint> Build(
        LogAggregates aggregates, IReadOnlyList<string> arms, long originDay, ExperimentSpec spec, bool hasConversion, bool hasRevenue)
    {
        var points = new List<TimelinePoint>();
        var armCount = arms.Count;
        var cumulative = new ArmAccumulator[armCount];
        var z = Distributions.NormalQuantile(1 - spec.Alpha / 2);
        for (var d = 0; d < aggregates.DayCount; d++)
        {
            var anyRows = false;
            for (var a = 0; a < armCount; a++)
            {
                anyRows |= aggregates.Days[d * armCount + a].N > 0;
                cumulative[a].Add(aggregates.Days[d * armCount + a]);
            }

            if (!anyRows) continue;
            var day = DateOnly.FromDayNumber((int)(originDay + d));
            var control = cumulative[0];
            for (var a = 1; a < armCount; a++)
            {
                var treatment = cumulative[a];
                if (treatment.N < 2 || control.N < 2) continue;
                if (hasConversion)
                {
                    var mt = ProportionStatistics.BinomialMoments(treatment.ConversionCount, treatment.N);
                    var mc = ProportionStatistics.BinomialMoments(control.ConversionCount, control.N);
                    points.Add(Point(day, arms[a], ExperimentMetric.Conversion, mt, mc, z, spec));
                }

                if (hasRevenue)
                {
                    points.Add(Point(day, arms[a], ExperimentMetric.Revenue, treatment.RevenueMoments, control.RevenueMoments, z, spec));
                }
            }
        }

        return points;
    }

    private static TimelinePoint Point(DateOnly day, string treatment, ExperimentMetric metric, SampleMoments t, SampleMoments c, double z, ExperimentSpec spec)
    {
        var variance = t.VarianceOfMean + c.VarianceOfMean;
        var lift = t.Mean - c.Mean;
        return new TimelinePoint(day, treatment, metric, t.N, c.N, t.Mean, c.Mean,
            IntervalEstimate.Symmetric(lift, z * Math.Sqrt(variance)),
            SequentialIntervals.Interval(lift, variance, t.N + c.N, spec.Alpha, spec.SequentialTuning));
    }
}
