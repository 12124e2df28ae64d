namespace Studio.Analysis.Segments;

/// <summary>
/// RFM quintile scores computed on the fly from the customer aggregates columns (recency_days, frequency, monetary).
/// A score is 1 + floor(5 × share of customers strictly worse), so ties share a score and 5 is the best fifth:
/// low recency, high frequency, high monetary. A missing value (no events) scores 1.
/// </summary>
public static class RfmScores
{
    public static IReadOnlyDictionary<RfmDimension, string[]> ColumnNames { get; } = new Dictionary<RfmDimension, string[]>
    {
        [RfmDimension.Recency] = ["recency_days", "recency"],
        [RfmDimension.Frequency] = ["frequency"],
        [RfmDimension.Monetary] = ["monetary", "monetary_value"],
    };

    /// <summary>The numeric column a dimension is computed from, or null when the table has none.</summary>
    public static AttributeColumn? ColumnFor(CustomerTable table, RfmDimension dimension)
    {
        ArgumentNullException.ThrowIfNull(table);
        return ColumnNames[dimension].Select(table.Find).FirstOrDefault(c => c is { Kind: AttributeKind.Numeric });
    }

    /// <summary>Scores 1-5 per row, or null when the column is absent.</summary>
    public static int[]? Compute(CustomerTable table, RfmDimension dimension) =>
        ColumnFor(table, dimension) is { } column ? Quintiles(column.Numbers, higherIsBetter: dimension != RfmDimension.Recency) : null;

    public static int[] Quintiles(IReadOnlyList<double> values, bool higherIsBetter)
    {
        ArgumentNullException.ThrowIfNull(values);
        var present = values.Where(v => !double.IsNaN(v)).ToArray();
        Array.Sort(present);
        var n = present.Length;
        var scores = new int[values.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            var v = values[i];
            if (double.IsNaN(v)) { scores[i] = 1; continue; }
            var worse = higherIsBetter ? LowerBound(present, v) : n - UpperBound(present, v);
            scores[i] = 1 + Math.Min(4, (int)Math.Floor(5.0 * worse / n));
        }
        return scores;
    }

    private static int LowerBound(double[] sorted, double value)
    {
        var at = Array.BinarySearch(sorted, value);
        if (at < 0) return ~at;
        while (at > 0 && sorted[at - 1] == value) at--;
        return at;
    }

    private static int UpperBound(double[] sorted, double value)
    {
        var at = Array.BinarySearch(sorted, value);
        if (at < 0) return ~at;
        while (at < sorted.Length - 1 && sorted[at + 1] == value) at++;
        return at + 1;
    }
}
