namespace Studio.Analysis.Projections;

/// <summary>The fuzzy simplicial set: smoothed kNN memberships (umap-learn's smooth_knn_dist), then the fuzzy union.</summary>
internal static class UmapGraph
{
    private const double Tolerance = 1e-5;
    private const double MinScale = 1e-3;

    public static SparseAffinities Build(KnnGraph graph, CancellationToken cancellationToken)
    {
        var (n, k) = (graph.Rows, graph.K);
        // umap-learn counts the point itself among its n_neighbors, so the target uses k + 1.
        var target = Math.Log2(k + 1);
        var meanAll = 0.0;
        for (var i = 0; i < n; i++)
            foreach (var d in graph.DistancesOf(i)) meanAll += d;
        meanAll /= (double)n * k;
        var memberships = new double[n * k];
        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            SmoothRow(graph.DistancesOf(i), memberships.AsSpan(i * k, k), target, meanAll));
        return SparseAffinities.Symmetrize(graph, memberships, (a, b) => a + b - a * b);
    }

    private static void SmoothRow(ReadOnlySpan<double> distances, Span<double> row, double target, double meanAll)
    {
        var rho = 0.0;
        foreach (var d in distances)
            if (d > 0) { rho = d; break; }
        double lo = 0, hi = double.PositiveInfinity, sigma = 1;
        for (var iteration = 0; iteration < 64; iteration++)
        {
            var sum = 0.0;
            foreach (var d in distances)
            {
                var gap = d - rho;
                sum += gap > 0 ? Math.Exp(-gap / sigma) : 1.0;
            }
            if (Math.Abs(sum - target) < Tolerance) break;
            if (sum > target)
            {
                hi = sigma;
                sigma = (lo + hi) / 2;
            }
            else
            {
                lo = sigma;
                sigma = double.IsPositiveInfinity(hi) ? sigma * 2 : (lo + hi) / 2;
            }
        }
        var mean = 0.0;
        foreach (var d in distances) mean += d;
        mean /= distances.Length;
        var floor = MinScale * (rho > 0 ? mean : meanAll);
        sigma = Math.Max(sigma, floor);
        for (var t = 0; t < row.Length; t++)
        {
            var gap = distances[t] - rho;
            row[t] = gap <= 0 || sigma == 0 ? 1.0 : Math.Exp(-gap / sigma);
        }
    }
}
