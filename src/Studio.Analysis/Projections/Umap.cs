namespace Studio.Analysis.Projections;

/// <summary>
/// UMAP (McInnes et al.) after umap-learn: exact kNN (Euclidean or cosine), fuzzy simplicial set, a/b fitted from
/// min_dist, PCA initialisation rescaled to [0, 10] (instead of umap-learn's spectral default: no sparse eigensolver
/// here; PCA keeps the global layout and is deterministic), then SGD with negative sampling and a linearly decaying
/// learning rate. The SGD runs on one thread, in edge order, with a seeded xorshift generator, so a seed always gives
/// the same layout (umap-learn's parallel SGD does not).
/// </summary>
public static class Umap
{
    private const double KnnShare = 0.2;

    public static PointMatrix Fit(PointMatrix points, UmapSpec spec, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(spec);
        var n = points.Rows;
        spec.Validate(n);
        var graph = NearestNeighbors.Build(points, spec.Neighbors - 1, spec.Metric, ProgressSlice.Of(progress, 0, KnnShare), cancellationToken);
        var fuzzy = UmapGraph.Build(graph, cancellationToken);
        var (a, b) = UmapCurve.Fit(spec.Spread, spec.MinDist);
        var random = new XorShiftRandom(spec.Seed);
        var embedding = Initialise(points, spec.Dimensions, random);
        var layout = new UmapLayout(fuzzy, spec.EpochsFor(n), a, b, spec);
        layout.Optimise(embedding, spec.Dimensions, random, ProgressSlice.Of(progress, KnnShare, 1 - KnnShare), cancellationToken);
        return new PointMatrix(n, spec.Dimensions, embedding);
    }

    private static double[] Initialise(PointMatrix points, int dims, XorShiftRandom random)
    {
        var n = points.Rows;
        var y = points.Columns >= dims ? PrincipalAxes.Project(points, dims).Values.ToArray() : new double[n * dims];
        for (var d = 0; d < dims; d++)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (var i = 0; i < n; i++)
            {
                min = Math.Min(min, y[i * dims + d]);
                max = Math.Max(max, y[i * dims + d]);
            }
            var range = max > min ? max - min : 1;
            for (var i = 0; i < n; i++)
                y[i * dims + d] = 10.0 * (y[i * dims + d] - min) / range + 1e-4 * (random.NextDouble() - 0.5);
        }
        return y;
    }
}
