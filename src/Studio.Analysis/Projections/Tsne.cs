namespace Studio.Analysis.Projections;

/// <summary>
/// Barnes–Hut t-SNE (van der Maaten 2014) with scikit-learn's optimiser: sparse P from the 3 * perplexity nearest
/// neighbours (exact, parallel), PCA initialisation scaled to std 1e-4, momentum 0.5 then 0.8, per-coordinate gains,
/// early exaggeration. Repulsion uses a quadtree (2D) or octree (3D) per iteration; forces are computed per point in
/// parallel and reduced in a fixed order, so a seed always gives the same result.
/// </summary>
public static class Tsne
{
    private const double KnnShare = 0.1;
    private const int BlockSize = 128;

    public static PointMatrix Fit(PointMatrix points, TsneSpec spec, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(spec);
        var n = points.Rows;
        spec.Validate(n);
        var k = Math.Min(n - 1, (int)(3 * spec.Perplexity + 1));
        var graph = NearestNeighbors.Build(points, k, DistanceMetric.Euclidean,
            ProgressSlice.Of(progress, 0, KnnShare), cancellationToken);
        var p = TsneAffinities.Compute(graph, spec.Perplexity, cancellationToken);
        var y = Initialise(points, spec);
        Optimise(p, y, n, spec, progress, cancellationToken);
        return new PointMatrix(n, spec.Dimensions, y);
    }

    private static double[] Initialise(PointMatrix points, TsneSpec spec)
    {
        var dims = spec.Dimensions;
        var pca = points.Columns >= dims ? PrincipalAxes.Project(points, dims).Values.ToArray() : new double[points.Rows * dims];
        var std = StandardDeviationOfFirstColumn(pca, points.Rows, dims);
        var random = new Random(spec.Seed);
        for (var i = 0; i < pca.Length; i++)
            pca[i] = (std > 0 ? pca[i] / std * 1e-4 : 0) + 1e-6 * NextGaussian(random);
        return pca;
    }

    private static double StandardDeviationOfFirstColumn(double[] y, int n, int dims)
    {
        double mean = 0, sq = 0;
        for (var i = 0; i < n; i++) mean += y[i * dims];
        mean /= n;
        for (var i = 0; i < n; i++) sq += (y[i * dims] - mean) * (y[i * dims] - mean);
        return Math.Sqrt(sq / n);
    }

    internal static double NextGaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static void Optimise(SparseAffinities p, double[] y, int n, TsneSpec spec, IProgress<double>? progress,
        CancellationToken cancellationToken)
    {
        var dims = spec.Dimensions;
        var learningRate = spec.LearningRateFor(n);
        var gradient = new double[y.Length];
        var update = new double[y.Length];
        var gains = new double[y.Length];
        Array.Fill(gains, 1.0);
        var repulsive = new double[y.Length];
        var sumQ = new double[n];
        var tree = new BarnesHutTree(dims, n);
        var spatial = new MortonOrder(n);
        var thetaSquared = spec.Theta * spec.Theta;
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        var blocks = (n + BlockSize - 1) / BlockSize;
        for (var iteration = 0; iteration < spec.Iterations; iteration++)
        {
            var exploring = iteration < spec.ExaggerationIterations;
            var exaggeration = exploring ? spec.EarlyExaggeration : 1.0;
            var momentum = exploring ? 0.5 : 0.8;

            if (iteration % 10 == 0) spatial.Update(y, dims);
            var order = spatial.Order;
            tree.Build(y, n, order);
            Parallel.For(0, blocks, options, () => new int[tree.StackSize], (block, _, stack) =>
            {
                for (var at = block * BlockSize; at < Math.Min(n, (block + 1) * BlockSize); at++)
                {
                    var i = order[at];
                    var force = repulsive.AsSpan(i * dims, dims);
                    force.Clear();
                    sumQ[i] = tree.Repulsion(y.AsSpan(i * dims, dims), force, thetaSquared, stack);
                }
                return stack;
            }, _ => { });
            var z = 0.0;
            for (var i = 0; i < n; i++) z += sumQ[i];

            Parallel.For(0, blocks, options, block =>
            {
                for (var at = block * BlockSize; at < Math.Min(n, (block + 1) * BlockSize); at++)
                    Gradient(order[at], p, y, repulsive, gradient, dims, exaggeration, z);
            });
            Step(y, gradient, update, gains, momentum, learningRate);

            if (progress != null && (iteration % 10 == 9 || iteration == spec.Iterations - 1))
                progress.Report(KnnShare + (1 - KnnShare) * (iteration + 1) / spec.Iterations);
        }
    }

    // dC/dy_i = 4 (exaggeration * sum_j p_ij q_ij Z (y_i - y_j) - sum_j q_ij^2 Z (y_i - y_j) / Z), with unnormalised q.
    private static void Gradient(int i, SparseAffinities p, double[] y, double[] repulsive, double[] gradient, int dims,
        double exaggeration, double z)
    {
        double ax = 0, ay = 0, az = 0;
        var third = dims == 3;
        var xi = y[i * dims];
        var yi = y[i * dims + 1];
        var zi = third ? y[i * dims + 2] : 0;
        var columns = p.Columns;
        var values = p.Values;
        for (var e = p.RowStart[i]; e < p.RowStart[i + 1]; e++)
        {
            var j = columns[e] * dims;
            var dx = xi - y[j];
            var dy = yi - y[j + 1];
            var dz = third ? zi - y[j + 2] : 0;
            var pq = values[e] / (1.0 + dx * dx + dy * dy + dz * dz);
            ax += pq * dx;
            ay += pq * dy;
            az += pq * dz;
        }
        gradient[i * dims] = 4.0 * (exaggeration * ax - repulsive[i * dims] / z);
        gradient[i * dims + 1] = 4.0 * (exaggeration * ay - repulsive[i * dims + 1] / z);
        if (third) gradient[i * dims + 2] = 4.0 * (exaggeration * az - repulsive[i * dims + 2] / z);
    }

    private static void Step(double[] y, double[] gradient, double[] update, double[] gains, double momentum, double learningRate)
    {
        for (var c = 0; c < y.Length; c++)
        {
            var sameDirection = update[c] * gradient[c] >= 0;
            gains[c] = sameDirection ? Math.Max(gains[c] * 0.8, 0.01) : gains[c] + 0.2;
            update[c] = momentum * update[c] - learningRate * gains[c] * gradient[c];
            y[c] += update[c];
        }
    }
}
