namespace Studio.Analysis.Experiments.Statistics;

/// <summary>Size, mean and sample variance (ddof = 1) of one arm's metric.</summary>
public readonly record struct SampleMoments(long N, double Mean, double Variance)
{
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>Variance of the sample mean, Variance / N.</summary>
    public double VarianceOfMean => Variance / N;

    /// <summary>From a sum and a sum of squares (the single-pass path). Cancellation costs about log10(mean^2/variance)
    /// digits, harmless for revenue-like metrics in double precision.</summary>
    public static SampleMoments FromSums(long n, double sum, double sumOfSquares)
    {
        if (n == 0) return new SampleMoments(0, double.NaN, double.NaN);
        var mean = sum / n;
        var variance = n > 1 ? Math.Max(0, (sumOfSquares - sum * mean) / (n - 1)) : double.NaN;
        return new SampleMoments(n, mean, variance);
    }

    public static SampleMoments FromValues(ReadOnlySpan<double> values)
    {
        double sum = 0, sumSq = 0;
        foreach (var v in values) { sum += v; }
        var mean = values.Length > 0 ? sum / values.Length : double.NaN;
        foreach (var v in values) { sumSq += (v - mean) * (v - mean); }
        return new SampleMoments(values.Length, mean, values.Length > 1 ? sumSq / (values.Length - 1) : double.NaN);
    }
}
