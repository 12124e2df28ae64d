namespace Studio.Analysis.Segments;

/// <summary>Computes a <see cref="SegmentProfile"/> from a membership mask over a <see cref="CustomerTable"/>.</summary>
public static class SegmentProfiler
{
    public const int TopCategories = 5;
    public const int HistogramBins = 20;

    public static SegmentProfile Profile(CustomerTable table, bool[] members, string? spendColumn = null,
        IReadOnlyList<double>? scores = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(members);
        if (members.Length != table.RowCount) throw new ArgumentException("The mask must have one entry per row.", nameof(members));
        var size = members.Count(m => m);
        var numeric = table.Columns.Where(c => c.Kind == AttributeKind.Numeric).Select(c => CompareNumeric(c, members)).ToList();
        var categories = table.Columns.Where(c => c.IsGroupable).Select(c => Breakdown(c, members, size)).ToList();
        return new SegmentProfile(size, table.RowCount, table.RowCount == 0 ? 0 : (double)size / table.RowCount,
            SpendOf(table, members, spendColumn), numeric, categories, scores is null ? null : Histogram(scores, members));
    }

    /// <summary>Mean, SD and missing count of a numeric column over the rows where <paramref name="include"/> holds.</summary>
    public static (double Mean, double StandardDeviation, int Count, int Missing) Moments(double[] values, Func<int, bool> include)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(include);
        double sum = 0, sumSquares = 0;
        int count = 0, missing = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (!include(i)) continue;
            if (double.IsNaN(values[i])) { missing++; continue; }
            count++;
            sum += values[i];
            sumSquares += values[i] * values[i];
        }
        if (count == 0) return (double.NaN, double.NaN, 0, missing);
        var mean = sum / count;
        var variance = count > 1 ? Math.Max(0, (sumSquares - count * mean * mean) / (count - 1)) : 0;
        return (mean, Math.Sqrt(variance), count, missing);
    }

    private static NumericComparison CompareNumeric(AttributeColumn column, bool[] members)
    {
        var segment = Moments(column.Numbers, i => members[i]);
        var all = Moments(column.Numbers, _ => true);
        var effect = all.StandardDeviation > 0 ? (segment.Mean - all.Mean) / all.StandardDeviation : double.NaN;
        return new NumericComparison(column.Name, segment.Mean, all.Mean, effect, segment.Missing);
    }

    private static CategoryBreakdown Breakdown(AttributeColumn column, bool[] members, int size)
    {
        var inSegment = new Dictionary<string, int>(StringComparer.Ordinal);
        var inBase = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < members.Length; i++)
        {
            var label = column.Labels[i] ?? "(missing)";
            inBase[label] = inBase.GetValueOrDefault(label) + 1;
            if (members[i]) inSegment[label] = inSegment.GetValueOrDefault(label) + 1;
        }
        var top = inSegment.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(TopCategories)
            .Select(p => new CategoryShare(p.Key, p.Value, size == 0 ? 0 : (double)p.Value / size, (double)inBase[p.Key] / members.Length))
            .ToList();
        return new CategoryBreakdown(column.Name, top);
    }

    private static SpendSummary? SpendOf(CustomerTable table, bool[] members, string? spendColumn)
    {
        if (spendColumn is null || table.Find(spendColumn) is not { Kind: AttributeKind.Numeric } column) return null;
        var segment = Moments(column.Numbers, i => members[i]);
        var all = Moments(column.Numbers, _ => true);
        var segmentSum = double.IsNaN(segment.Mean) ? 0 : segment.Mean * segment.Count;
        var totalSum = double.IsNaN(all.Mean) ? 0 : all.Mean * all.Count;
        return new SpendSummary(column.Name, segmentSum, segment.Mean, all.Mean, totalSum != 0 ? segmentSum / totalSum : double.NaN);
    }

    private static ScoreHistogram Histogram(IReadOnlyList<double> scores, bool[] members)
    {
        var present = scores.Where(s => !double.IsNaN(s)).ToList();
        var (lo, hi) = present.Count == 0 ? (0.0, 1.0) : (present.Min(), present.Max());
        // Probabilities get the natural 0-1 axis; other scores span their own range.
        if (lo >= 0 && hi <= 1) (lo, hi) = (0.0, 1.0);
        if (hi <= lo) hi = lo + 1;
        var width = (hi - lo) / HistogramBins;
        var edges = Enumerable.Range(0, HistogramBins + 1).Select(i => lo + i * width).ToArray();
        var segment = new int[HistogramBins];
        var all = new int[HistogramBins];
        for (var i = 0; i < scores.Count; i++)
        {
            if (double.IsNaN(scores[i])) continue;
            var bin = Math.Clamp((int)((scores[i] - lo) / width), 0, HistogramBins - 1);
            all[bin]++;
            if (members[i]) segment[bin]++;
        }
        var scoreArray = scores as double[] ?? [.. scores];
        var segmentMoments = Moments(scoreArray, i => members[i]);
        return new ScoreHistogram(edges, segment, all, segmentMoments.Mean, Moments(scoreArray, _ => true).Mean, segmentMoments.Count);
    }
}
