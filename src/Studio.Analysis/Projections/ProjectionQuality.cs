namespace Studio.Analysis.Projections;

/// <summary>How well a projection keeps each point's neighbourhood.</summary>
/// <param name="K">Neighbourhood size.</param>
/// <param name="Trustworthiness">As sklearn.manifold.trustworthiness: 1 minus the rank penalty of embedded neighbours that were not original neighbours.</param>
/// <param name="KnnRecall">Mean fraction of each point's k original neighbours that are among its k embedded neighbours.</param>
/// <param name="EvaluatedRows">Rows used as queries (all rows, or a sample for large n).</param>
public sealed record ProjectionQuality(int K, double Trustworthiness, double KnnRecall, int EvaluatedRows);

/// <summary>
/// Trustworthiness and k-NN recall. Exact over all rows costs O(n^2 d); pass a sample size for large n: the sampled
/// rows are still ranked against every point, so each row's term is exact and only the mean is estimated.
/// </summary>
public static class ProjectionQualityMeasure
{
    public static double Trustworthiness(PointMatrix original, PointMatrix embedded, int k = 10,
        DistanceMetric metric = DistanceMetric.Euclidean) => Measure(original, embedded, k, metric).Trustworthiness;

    public static double KnnRecall(PointMatrix original, PointMatrix embedded, int k = 10,
        DistanceMetric metric = DistanceMetric.Euclidean) => Measure(original, embedded, k, metric).KnnRecall;

    public static ProjectionQuality Measure(PointMatrix original, PointMatrix embedded, int k = 10,
        DistanceMetric metric = DistanceMetric.Euclidean, int? sampleSize = null, int seed = 0,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(embedded);
        var n = original.Rows;
        if (embedded.Rows != n) throw new ArgumentException("Original and embedded must have the same rows.", nameof(embedded));
        if (k < 1 || k >= n / 2.0) throw new ArgumentOutOfRangeException(nameof(k), "k must be at least 1 and below n / 2.");
        var queries = QueryRows(n, sampleSize, seed);
        var penalties = new double[queries.Length];
        var recalls = new double[queries.Length];
        var tracker = new ParallelProgress(progress, queries.Length, every: 256);
        Parallel.For(0, queries.Length, new ParallelOptions { CancellationToken = cancellationToken }, () => new RowScratch(n, k), (q, _, scratch) =>
        {
            (penalties[q], recalls[q]) = ScoreRow(original, embedded, queries[q], k, metric, scratch);
            tracker.Finished();
            return scratch;
        }, _ => { });
        var m = queries.Length;
        var trust = 1.0 - 2.0 / (m * (double)k * (2.0 * n - 3.0 * k - 1.0)) * penalties.Sum();
        return new ProjectionQuality(k, trust, recalls.Average(), m);
    }

    private static int[] QueryRows(int n, int? sampleSize, int seed)
    {
        if (sampleSize is not { } m || m >= n) return Enumerable.Range(0, n).ToArray();
        var all = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(all);
        var sample = all[..m];
        Array.Sort(sample);
        return sample;
    }

    private static (double Penalty, double Recall) ScoreRow(PointMatrix original, PointMatrix embedded, int i, int k,
        DistanceMetric metric, RowScratch s)
    {
        var n = original.Rows;
        // Embedded neighbours (Euclidean, self excluded), as sklearn's NearestNeighbors.kneighbors().
        s.Heap.Clear();
        var e = embedded.Row(i);
        for (var j = 0; j < n; j++)
            if (j != i) s.Heap.Offer(VectorMath.SquaredEuclidean(e, embedded.Row(j)), j);
        s.Heap.DrainSorted(s.EmbeddedNeighbors, s.EmbeddedDistances);

        var x = original.Row(i);
        for (var l = 0; l < n; l++)
            s.Distances[l] = l == i ? double.PositiveInfinity : OriginalDistance(x, original.Row(l), metric);

        // Rank of j in i's original ordering = 1 + #{l != i : d(i,l) < d(i,j)}; count all k thresholds in one pass.
        for (var t = 0; t < k; t++) s.Thresholds[t] = s.Distances[s.EmbeddedNeighbors[t]];
        Array.Sort(s.Thresholds);
        Array.Clear(s.Histogram);
        for (var l = 0; l < n; l++)
        {
            if (l == i) continue;
            s.Histogram[UpperBound(s.Thresholds, s.Distances[l])]++;
        }
        var penalty = 0.0;
        var kept = 0;
        foreach (var j in s.EmbeddedNeighbors)
        {
            var threshold = s.Distances[j];
            var below = 0;
            for (var t = 0; t < k && s.Thresholds[t] <= threshold; t++) below += s.Histogram[t];
            // Histogram[t] counts distances in [Thresholds[t-1], Thresholds[t]); sum up to the threshold's own slot.
            var rank = 1 + below;
            if (rank > k) penalty += rank - k;
            else kept++;
        }
        return (penalty, kept / (double)k);
    }

    private static double OriginalDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b, DistanceMetric metric) =>
        metric == DistanceMetric.Euclidean ? VectorMath.SquaredEuclidean(a, b) : VectorMath.Distance(a, b, metric);

    // First index whose threshold is greater than value (k when none).
    private static int UpperBound(double[] thresholds, double value)
    {
        int lo = 0, hi = thresholds.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (thresholds[mid] > value) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    private sealed class RowScratch(int n, int k)
    {
        public TopK Heap { get; } = new(k);
        public int[] EmbeddedNeighbors { get; } = new int[k];
        public double[] EmbeddedDistances { get; } = new double[k];
        public double[] Distances { get; } = new double[n];
        public double[] Thresholds { get; } = new double[k];
        public int[] Histogram { get; } = new int[k + 1];
    }
}
