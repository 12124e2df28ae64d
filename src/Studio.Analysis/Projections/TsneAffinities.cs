namespace Studio.Analysis.Projections;

/// <summary>t-SNE input similarities: per-point Gaussian bandwidths found by binary search on perplexity, then symmetrised.</summary>
internal static class TsneAffinities
{
    /// <summary>P = (P_cond + P_cond^T) / sum, from a kNN graph with Euclidean distances (squared here, as sklearn).</summary>
    public static SparseAffinities Compute(KnnGraph graph, double perplexity, CancellationToken cancellationToken)
    {
        var (n, k) = (graph.Rows, graph.K);
        var conditional = new double[n * k];
        var targetEntropy = Math.Log(perplexity);
        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            SearchRow(graph.DistancesOf(i), conditional.AsSpan(i * k, k), targetEntropy));
        var p = SparseAffinities.Symmetrize(graph, conditional, (a, b) => a + b);
        var total = Math.Max(p.Values.Sum(), double.Epsilon);
        for (var i = 0; i < p.Values.Length; i++) p.Values[i] /= total;
        return p;
    }

    private static void SearchRow(ReadOnlySpan<double> distances, Span<double> row, double targetEntropy)
    {
        double beta = 1, betaMin = double.NegativeInfinity, betaMax = double.PositiveInfinity;
        for (var step = 0; step < 100; step++)
        {
            double sum = 0;
            for (var t = 0; t < row.Length; t++)
            {
                row[t] = Math.Exp(-distances[t] * distances[t] * beta);
                sum += row[t];
            }
            if (sum == 0) sum = 1e-8;
            double weighted = 0;
            for (var t = 0; t < row.Length; t++)
            {
                row[t] /= sum;
                weighted += distances[t] * distances[t] * row[t];
            }
            var entropy = Math.Log(sum) + beta * weighted;
            var diff = entropy - targetEntropy;
            if (Math.Abs(diff) <= 1e-5) return;
            if (diff > 0)
            {
                betaMin = beta;
                beta = double.IsPositiveInfinity(betaMax) ? beta * 2 : (beta + betaMax) / 2;
            }
            else
            {
                betaMax = beta;
                beta = double.IsNegativeInfinity(betaMin) ? beta / 2 : (beta + betaMin) / 2;
            }
        }
    }
}
