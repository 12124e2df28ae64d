namespace Studio.Ml.Evaluation;

/// <summary>The metrics of one value of an attribute (missing values form the group "(missing)").</summary>
public sealed record BreakdownRow(string Group, int Rows, IReadOnlyDictionary<string, double> Metrics);

/// <summary>Error analysis: the same metrics computed separately for each value of a customer attribute.</summary>
public static class MetricBreakdown
{
    public const string MissingGroup = "(missing)";

    /// <summary>
    /// <paramref name="attribute"/> is indexed by the original row numbers of <paramref name="predictions"/>.Rows.
    /// Groups come largest first; a group where a metric is undefined (e.g. AUC with one class) reports NaN.
    /// </summary>
    public static IReadOnlyList<BreakdownRow> ByAttribute(Predictions predictions, IReadOnlyList<string?> attribute, double threshold = 0.5)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(attribute);
        return Enumerable.Range(0, predictions.Rows.Count)
            .GroupBy(p => attribute[predictions.Rows[p]] ?? MissingGroup, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var positions = g.ToArray();
                return new BreakdownRow(g.Key, positions.Length, MetricSummary.Compute(predictions.Subset(positions), threshold));
            })
            .ToList();
    }
}
