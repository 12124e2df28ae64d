namespace Studio.Analysis.Profiling;

/// <summary>Summary statistics of a sorted sample; pure functions so the numbers can be checked by hand.</summary>
public static class NumericStatistics
{
    public const int MaxBins = 50;

    /// <param name="sorted">Finite values in ascending order, at least one.</param>
    public static NumericSummary Summarise(ReadOnlySpan<double> sorted)
    {
        if (sorted.IsEmpty) throw new ArgumentException("At least one value is needed.", nameof(sorted));
        double sum = 0;
        foreach (var x in sorted) sum += x;
        var mean = sum / sorted.Length;
        double squares = 0;
        foreach (var x in sorted) squares += (x - mean) * (x - mean);
        var std = sorted.Length > 1 ? Math.Sqrt(squares / (sorted.Length - 1)) : 0;

        var quantiles = new Quantiles(Quantile(sorted, 0.01), Quantile(sorted, 0.05), Quantile(sorted, 0.25),
            Quantile(sorted, 0.5), Quantile(sorted, 0.75), Quantile(sorted, 0.95), Quantile(sorted, 0.99));
        var iqr = quantiles.P75 - quantiles.P25;
        var lower = quantiles.P25 - 1.5 * iqr;
        var upper = quantiles.P75 + 1.5 * iqr;
        long iqrOutliers = 0, zOutliers = 0;
        foreach (var x in sorted)
        {
            if (x < lower || x > upper) iqrOutliers++;
            if (std > 0 && Math.Abs(x - mean) / std > 3) zOutliers++;
        }
        return new NumericSummary(sorted[0], sorted[^1], mean, std, quantiles, lower, upper, iqrOutliers, zOutliers);
    }

    /// <summary>Linear interpolation between closest ranks: h = (n − 1)·p.</summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>
    /// Equal-width bins: one per integer when whole numbers span fewer than <see cref="MaxBins"/> values,
    /// else Sturges' rule (⌈log2 n⌉ + 1) capped at <see cref="MaxBins"/>.
    /// </summary>
    public static Histogram Histogram(ReadOnlySpan<double> sorted, bool wholeNumbers)
    {
        if (sorted.IsEmpty) return new Histogram([], []);
        double min = sorted[0], max = sorted[^1];
        int bins;
        double start, width;
        if (wholeNumbers && max - min < MaxBins)
        {
            bins = (int)(max - min) + 1;
            start = min - 0.5;
            width = 1;
        }
        else
        {
            bins = max > min ? Math.Min(MaxBins, (int)Math.Ceiling(Math.Log2(sorted.Length)) + 1) : 1;
            start = min;
            width = max > min ? (max - min) / bins : 1;
        }
        var edges = new double[bins + 1];
        for (var i = 0; i <= bins; i++) edges[i] = start + i * width;
        var counts = new long[bins];
        foreach (var x in sorted) counts[Math.Clamp((int)((x - start) / width), 0, bins - 1)]++;
        return new Histogram(edges, counts);
    }
}
