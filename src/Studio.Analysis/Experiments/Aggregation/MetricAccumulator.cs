using Studio.Analysis.Experiments.Statistics;

namespace Studio.Analysis.Experiments.Aggregation;

/// <summary>
/// Sufficient statistics of one metric in one arm (or one arm within a day or segment): everything the readout needs is
/// a function of these sums, so a log is read once. <see cref="Denominator"/> sums are used by ratio metrics only,
/// <see cref="Pre"/> sums by CUPED only.
/// </summary>
public struct MetricAccumulator
{
    public long N;
    public double Sum;
    public double SumSquares;
    public double Denominator;
    public double DenominatorSquares;
    public double SumTimesDenominator;
    public double Pre;
    public double PreSquares;
    public double SumTimesPre;

    public void Add(double value, double denominator, double pre)
    {
        N++;
        Sum += value;
        SumSquares += value * value;
        Denominator += denominator;
        DenominatorSquares += denominator * denominator;
        SumTimesDenominator += value * denominator;
        Pre += pre;
        PreSquares += pre * pre;
        SumTimesPre += value * pre;
    }

    public void Add(in MetricAccumulator other)
    {
        N += other.N;
        Sum += other.Sum;
        SumSquares += other.SumSquares;
        Denominator += other.Denominator;
        DenominatorSquares += other.DenominatorSquares;
        SumTimesDenominator += other.SumTimesDenominator;
        Pre += other.Pre;
        PreSquares += other.PreSquares;
        SumTimesPre += other.SumTimesPre;
    }

    public readonly long Successes => (long)Math.Round(Sum);

    public readonly CovariateMoments WithPre => new(N, Sum, SumSquares, Pre, PreSquares, SumTimesPre);

    /// <summary>
    /// The arm's estimate as moments whose <see cref="SampleMoments.VarianceOfMean"/> is the variance of the estimate:
    /// a proportion's p(1-p)/n, a mean's s^2/n, and for a ratio R = sum Y / sum X the delta-method variance
    /// (s_Y^2 - 2 R s_XY + R^2 s_X^2) / (n mean_X^2) (ddof = 1 sample moments).
    /// </summary>
    public readonly SampleMoments Estimate(MetricKind kind)
    {
        switch (kind)
        {
            case MetricKind.Proportion:
                return ProportionStatistics.BinomialMoments(Successes, N);
            case MetricKind.Mean:
                return SampleMoments.FromSums(N, Sum, SumSquares);
            default:
                if (N < 2 || Denominator == 0) return new SampleMoments(N, N == 0 || Denominator == 0 ? double.NaN : Sum / Denominator, double.NaN);
                var m = new CovariateMoments(N, Sum, SumSquares, Denominator, DenominatorSquares, SumTimesDenominator);
                var ratio = Sum / Denominator;
                var meanX = Denominator / N;
                var variance = (m.VarianceY - 2 * ratio * m.Covariance + ratio * ratio * m.VarianceX) / (meanX * meanX);
                return new SampleMoments(N, ratio, Math.Max(0, variance));
        }
    }
}
