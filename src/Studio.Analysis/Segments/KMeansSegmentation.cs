using Studio.Analysis.Clustering;
using Studio.Analysis.Projections;

namespace Studio.Analysis.Segments;

/// <summary>k-means over entity vectors for segments: optional unit-length scaling, elbow/silhouette scan, clusters as key lists.</summary>
public static class KMeansSegmentation
{
    /// <summary>
    /// Each row scaled to unit length (k-means on the sphere ≈ cosine k-means). Learned embeddings of customers with
    /// few events stay short, and length would otherwise split them from everyone else.
    /// </summary>
    public static PointMatrix Normalize(PointMatrix points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var values = points.Values.ToArray();
        for (var r = 0; r < points.Rows; r++)
        {
            var row = values.AsSpan(r * points.Columns, points.Columns);
            var norm = Math.Sqrt(VectorMath.SquaredEuclidean(row, new double[points.Columns]));
            if (norm > 0) foreach (ref var x in row) x /= norm;
        }
        return new PointMatrix(points.Rows, points.Columns, values);
    }

    /// <summary>The keys of each cluster (index = cluster), in the order of <paramref name="keys"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Clusters(IReadOnlyList<string> keys, IReadOnlyList<int> labels, int k)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(labels);
        var clusters = Enumerable.Range(0, k).Select(_ => new List<string>()).ToArray();
        for (var i = 0; i < keys.Count; i++) clusters[labels[i]].Add(keys[i]);
        return clusters;
    }
}
