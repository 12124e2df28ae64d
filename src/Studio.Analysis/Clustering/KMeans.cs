using Studio.Analysis.Projections;

namespace Studio.Analysis.Clustering;

/// <summary>Lloyd's k-means with greedy k-means++ seeding (as sklearn) and restarts; assignment runs in parallel blocks.</summary>
public static class KMeans
{
    public static KMeansResult Fit(PointMatrix points, KMeansSpec spec, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.K < 1 || spec.K > points.Rows) throw new ArgumentOutOfRangeException(nameof(spec), "K must be in [1, rows].");
        var tolerance = spec.Tolerance * MeanVariance(points);
        KMeansResult? best = null;
        for (var restart = 0; restart < Math.Max(1, spec.Restarts); restart++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var random = new Random(HashCode.Combine(spec.Seed, restart));
            var centroids = KMeansPlusPlus.Seed(points, spec.K, random);
            var run = Lloyd(points, centroids, spec, tolerance, cancellationToken);
            if (best == null || run.Inertia < best.Inertia) best = run;
            progress?.Report((restart + 1.0) / Math.Max(1, spec.Restarts));
        }
        return best!;
    }

    /// <summary>Inertia and silhouette for each k, for elbow and silhouette charts (silhouette sampled above its exact limit).</summary>
    public static IReadOnlyList<KChoice> ChooseK(PointMatrix points, IReadOnlyList<int> ks, KMeansSpec template,
        SilhouetteOptions? silhouette = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(ks);
        ArgumentNullException.ThrowIfNull(template);
        var choices = new List<KChoice>(ks.Count);
        for (var i = 0; i < ks.Count; i++)
        {
            var fit = Fit(points, template with { K = ks[i] }, null, cancellationToken);
            var score = ks[i] >= 2 ? Silhouette.Score(points, fit.Labels, silhouette, cancellationToken) : double.NaN;
            choices.Add(new KChoice(ks[i], fit.Inertia, score));
            progress?.Report((i + 1.0) / ks.Count);
        }
        return choices;
    }

    private static KMeansResult Lloyd(PointMatrix points, double[] centroids, KMeansSpec spec, double tolerance,
        CancellationToken cancellationToken)
    {
        var (n, dims, k) = (points.Rows, points.Columns, spec.K);
        var labels = new int[n];
        var distances = new double[n];
        var iterations = 0;
        for (; iterations < spec.MaxIterations; iterations++)
        {
            Assign(points, centroids, k, labels, distances, cancellationToken);
            var moved = Update(points, labels, distances, centroids, k);
            if (moved <= tolerance) { iterations++; break; }
        }
        Assign(points, centroids, k, labels, distances, cancellationToken);
        return new KMeansResult(k, labels, centroids, distances.Sum(), iterations);
    }

    private static void Assign(PointMatrix points, double[] centroids, int k, int[] labels, double[] distances,
        CancellationToken cancellationToken)
    {
        var dims = points.Columns;
        Parallel.For(0, (points.Rows + 255) / 256, new ParallelOptions { CancellationToken = cancellationToken }, block =>
        {
            for (var i = block * 256; i < Math.Min(points.Rows, (block + 1) * 256); i++)
            {
                var row = points.Row(i);
                var (best, bestDistance) = (0, double.PositiveInfinity);
                for (var c = 0; c < k; c++)
                {
                    var d = VectorMath.SquaredEuclidean(row, centroids.AsSpan(c * dims, dims));
                    if (d < bestDistance) (best, bestDistance) = (c, d);
                }
                labels[i] = best;
                distances[i] = bestDistance;
            }
        });
    }

    // Moves centroids to their members' means; an empty cluster takes the point farthest from its centroid.
    private static double Update(PointMatrix points, int[] labels, double[] distances, double[] centroids, int k)
    {
        var dims = points.Columns;
        var sums = new double[k * dims];
        var counts = new int[k];
        for (var i = 0; i < points.Rows; i++)
        {
            counts[labels[i]]++;
            var row = points.Row(i);
            for (var d = 0; d < dims; d++) sums[labels[i] * dims + d] += row[d];
        }
        var moved = 0.0;
        for (var c = 0; c < k; c++)
        {
            var next = new double[dims];
            if (counts[c] == 0)
            {
                var far = Array.IndexOf(distances, distances.Max());
                points.Row(far).CopyTo(next);
                distances[far] = 0;
            }
            else
                for (var d = 0; d < dims; d++) next[d] = sums[c * dims + d] / counts[c];
            moved += VectorMath.SquaredEuclidean(next, centroids.AsSpan(c * dims, dims));
            next.CopyTo(centroids, c * dims);
        }
        return moved;
    }

    private static double MeanVariance(PointMatrix points)
    {
        var dims = points.Columns;
        var total = 0.0;
        for (var d = 0; d < dims; d++)
        {
            double mean = 0, sq = 0;
            for (var i = 0; i < points.Rows; i++) mean += points[i, d];
            mean /= points.Rows;
            for (var i = 0; i < points.Rows; i++) sq += (points[i, d] - mean) * (points[i, d] - mean);
            total += sq / points.Rows;
        }
        return total / dims;
    }
}
