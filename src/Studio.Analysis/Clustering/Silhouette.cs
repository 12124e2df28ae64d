using Studio.Analysis.Projections;

namespace Studio.Analysis.Clustering;

/// <summary>When to compute the silhouette exactly and how to sample it otherwise.</summary>
/// <param name="ExactLimit">Up to this many rows every row is scored (O(n^2 d)).</param>
/// <param name="SampleSize">Above the limit, this many seeded random rows are scored, each against all rows.</param>
public sealed record SilhouetteOptions(int ExactLimit = 5000, int SampleSize = 2000, int Seed = 0,
    DistanceMetric Metric = DistanceMetric.Euclidean);

/// <summary>
/// Mean silhouette coefficient as sklearn.metrics.silhouette_score (a point alone in its cluster scores 0). Sampled
/// rows are scored against every row, so each term is exact and only the mean is estimated (sklearn's sample_size
/// instead scores a sub-dataset).
/// </summary>
public static class Silhouette
{
    public static double Score(PointMatrix points, IReadOnlyList<int> labels, SilhouetteOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(labels);
        options ??= new SilhouetteOptions();
        var n = points.Rows;
        if (labels.Count != n) throw new ArgumentException("One label per row is needed.", nameof(labels));
        var (dense, clusters) = Densify(labels);
        if (clusters < 2 || clusters > n - 1) throw new ArgumentException($"Silhouette needs 2 to {n - 1} clusters, got {clusters}.");
        var sizes = new int[clusters];
        foreach (var l in dense) sizes[l]++;
        var queries = Enumerable.Range(0, n).ToArray();
        if (n > options.ExactLimit && options.SampleSize < n)
        {
            new Random(options.Seed).Shuffle(queries);
            queries = queries[..options.SampleSize];
        }
        var scores = new double[queries.Length];
        Parallel.For(0, queries.Length, new ParallelOptions { CancellationToken = cancellationToken },
            () => new double[clusters], (q, _, sums) =>
            {
                scores[q] = RowScore(points, dense, sizes, queries[q], sums, options.Metric);
                return sums;
            }, _ => { });
        return scores.Average();
    }

    private static double RowScore(PointMatrix points, int[] labels, int[] sizes, int i, double[] sums, DistanceMetric metric)
    {
        var own = labels[i];
        if (sizes[own] == 1) return 0;
        Array.Clear(sums);
        var row = points.Row(i);
        for (var j = 0; j < points.Rows; j++)
            if (j != i) sums[labels[j]] += VectorMath.Distance(row, points.Row(j), metric);
        var a = sums[own] / (sizes[own] - 1);
        var b = double.PositiveInfinity;
        for (var c = 0; c < sums.Length; c++)
            if (c != own) b = Math.Min(b, sums[c] / sizes[c]);
        var denominator = Math.Max(a, b);
        return denominator > 0 ? (b - a) / denominator : 0;
    }

    internal static (int[] Dense, int Count) Densify(IReadOnlyList<int> labels)
    {
        var map = new Dictionary<int, int>();
        var dense = new int[labels.Count];
        for (var i = 0; i < labels.Count; i++)
        {
            if (!map.TryGetValue(labels[i], out var id)) map[labels[i]] = id = map.Count;
            dense[i] = id;
        }
        return (dense, map.Count);
    }
}
