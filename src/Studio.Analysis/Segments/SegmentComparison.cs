namespace Studio.Analysis.Segments;

/// <summary>Two segments side by side: sizes, overlap and the attributes that differ most.</summary>
public sealed record SegmentComparison(
    int SizeA,
    int SizeB,
    int Overlap,
    double Jaccard,
    IReadOnlyList<NumericDifference> Numeric,
    IReadOnlyList<CategoryDifference> Categories);

/// <summary>Means in A and B; Cohen's d with the pooled SD (positive when A is higher).</summary>
public sealed record NumericDifference(string Column, double MeanA, double MeanB, double CohensD);

/// <summary>A value's share in A and B; Cohen's h = 2·asin√pA − 2·asin√pB.</summary>
public sealed record CategoryDifference(string Column, string Value, double ShareA, double ShareB, double CohensH);

public static class SegmentComparer
{
    public const int CategoryDifferences = 12;

    public static SegmentComparison Compare(CustomerTable table, bool[] a, bool[] b)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var sizeA = a.Count(x => x);
        var sizeB = b.Count(x => x);
        var overlap = Enumerable.Range(0, a.Length).Count(i => a[i] && b[i]);
        var union = sizeA + sizeB - overlap;
        var numeric = table.Columns.Where(c => c.Kind == AttributeKind.Numeric).Select(c =>
        {
            var ma = SegmentProfiler.Moments(c.Numbers, i => a[i]);
            var mb = SegmentProfiler.Moments(c.Numbers, i => b[i]);
            return new NumericDifference(c.Name, ma.Mean, mb.Mean, CohensD(ma, mb));
        }).OrderByDescending(d => double.IsNaN(d.CohensD) ? -1 : Math.Abs(d.CohensD)).ToList();
        var categories = table.Columns.Where(c => c.IsGroupable).SelectMany(c => Differences(c, a, b, sizeA, sizeB))
            .OrderByDescending(d => Math.Abs(d.CohensH)).Take(CategoryDifferences).ToList();
        return new SegmentComparison(sizeA, sizeB, overlap, union == 0 ? 0 : (double)overlap / union, numeric, categories);
    }

    public static double CohensD((double Mean, double StandardDeviation, int Count, int Missing) a,
        (double Mean, double StandardDeviation, int Count, int Missing) b)
    {
        if (a.Count < 2 || b.Count < 2) return double.NaN;
        var pooled = Math.Sqrt(((a.Count - 1) * a.StandardDeviation * a.StandardDeviation + (b.Count - 1) * b.StandardDeviation * b.StandardDeviation)
            / (a.Count + b.Count - 2));
        return pooled > 0 ? (a.Mean - b.Mean) / pooled : double.NaN;
    }

    public static double CohensH(double p1, double p2) => 2 * Math.Asin(Math.Sqrt(p1)) - 2 * Math.Asin(Math.Sqrt(p2));

    private static IEnumerable<CategoryDifference> Differences(AttributeColumn column, bool[] a, bool[] b, int sizeA, int sizeB)
    {
        var countA = new Dictionary<string, int>(StringComparer.Ordinal);
        var countB = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < a.Length; i++)
        {
            var label = column.Labels[i] ?? "(missing)";
            if (a[i]) countA[label] = countA.GetValueOrDefault(label) + 1;
            if (b[i]) countB[label] = countB.GetValueOrDefault(label) + 1;
        }
        foreach (var value in countA.Keys.Union(countB.Keys))
        {
            var pa = sizeA == 0 ? 0 : (double)countA.GetValueOrDefault(value) / sizeA;
            var pb = sizeB == 0 ? 0 : (double)countB.GetValueOrDefault(value) / sizeB;
            yield return new CategoryDifference(column.Name, value, pa, pb, CohensH(pa, pb));
        }
    }
}
