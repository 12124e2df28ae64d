namespace Studio.Analysis.Experiments.Summaries;

/// <summary>
/// Aggregated experiment data instead of one row per unit: per-arm totals (one row per variant and metric, no
/// <see cref="SummaryRow.Day"/>) or daily cumulative aggregates (one row per day, variant and metric, each holding the
/// totals from the start up to that day). Proportion and mean metrics only (a ratio needs the covariance of its columns).
/// </summary>
public sealed record SummaryInput(IReadOnlyList<MetricSpec> Metrics, IReadOnlyList<SummaryRow> Rows)
{
    public bool IsDaily => Rows.Count > 0 && Rows.Any(r => r.Day is not null);
}

/// <summary>
/// Units, mean and sample variance (ddof = 1) of one metric in one variant (up to and including <see cref="Day"/> for
/// daily cumulative input). For a proportion the mean is the rate; <see cref="FromConversions"/> builds that row from a count.
/// </summary>
public sealed record SummaryRow(string Variant, string Metric, long N, double Mean, double Variance, DateOnly? Day = null)
{
    /// <summary>A proportion row from a count of converted units (the sample variance of the 0/1 values).</summary>
    public static SummaryRow FromConversions(string variant, string metric, long n, long conversions, DateOnly? day = null) =>
        new(variant, metric, n, n > 0 ? (double)conversions / n : double.NaN,
            n > 1 ? (conversions - (double)conversions * conversions / n) / (n - 1) : 0, day);

    /// <summary>A mean row from a standard deviation.</summary>
    public static SummaryRow FromStandardDeviation(string variant, string metric, long n, double mean, double standardDeviation, DateOnly? day = null) =>
        new(variant, metric, n, mean, standardDeviation * standardDeviation, day);
}
