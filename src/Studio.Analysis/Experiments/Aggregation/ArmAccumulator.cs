using Studio.Analysis.Experiments.Statistics;

namespace Studio.Analysis.Experiments.Aggregation;

/// <summary>
/// Sufficient statistics of one arm (or one arm within a day or segment): everything the readout needs is a function
/// of these sums, so a log is read once. Conversion is 0/1, so its sum of squares is its sum.
/// </summary>
public struct ArmAccumulator
{
    public long N;
    public double Conversions;
    public double Revenue;
    public double RevenueSquares;
    public double Pre;
    public double PreSquares;
    public double ConversionTimesPre;
    public double RevenueTimesPre;

    public void Add(double converted, double revenue, double pre)
    {
        N++;
        Conversions += converted;
        Revenue += revenue;
        RevenueSquares += revenue * revenue;
        Pre += pre;
        PreSquares += pre * pre;
        ConversionTimesPre += converted * pre;
        RevenueTimesPre += revenue * pre;
    }

    public void Add(in ArmAccumulator other)
    {
        N += other.N;
        Conversions += other.Conversions;
        Revenue += other.Revenue;
        RevenueSquares += other.RevenueSquares;
        Pre += other.Pre;
        PreSquares += other.PreSquares;
        ConversionTimesPre += other.ConversionTimesPre;
        RevenueTimesPre += other.RevenueTimesPre;
    }

    public readonly long ConversionCount => (long)Math.Round(Conversions);

    public readonly SampleMoments RevenueMoments => SampleMoments.FromSums(N, Revenue, RevenueSquares);

    public readonly CovariateMoments ConversionWithPre => new(N, Conversions, Conversions, Pre, PreSquares, ConversionTimesPre);

    public readonly CovariateMoments RevenueWithPre => new(N, Revenue, RevenueSquares, Pre, PreSquares, RevenueTimesPre);
}
