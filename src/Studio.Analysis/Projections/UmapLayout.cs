namespace Studio.Analysis.Projections;

/// <summary>umap-learn's optimize_layout_euclidean: per-edge sampling schedule, attraction, negative-sample repulsion.</summary>
internal sealed class UmapLayout
{
    private const double Clip = 4.0;
    private readonly int[] head;
    private readonly int[] tail;
    private readonly double[] epochsPerSample;
    private readonly int epochs;
    private readonly double a;
    private readonly double b;
    private readonly UmapSpec spec;

    public UmapLayout(SparseAffinities graph, int epochs, double a, double b, UmapSpec spec)
    {
        this.epochs = epochs;
        this.a = a;
        this.b = b;
        this.spec = spec;
        var max = graph.Values.Length == 0 ? 1 : graph.Values.Max();
        var heads = new List<int>();
        var tails = new List<int>();
        var perSample = new List<double>();
        for (var i = 0; i < graph.Rows; i++)
            for (var e = graph.RowStart[i]; e < graph.RowStart[i + 1]; e++)
            {
                // Edges too weak to be sampled even once in the run are dropped, as umap-learn does.
                var w = graph.Values[e];
                if (w < max / epochs) continue;
                heads.Add(i);
                tails.Add(graph.Columns[e]);
                perSample.Add(max / w);
            }
        head = heads.ToArray();
        tail = tails.ToArray();
        epochsPerSample = perSample.ToArray();
    }

    public void Optimise(double[] y, int dims, XorShiftRandom random, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var n = y.Length / dims;
        var edges = head.Length;
        var nextSample = (double[])epochsPerSample.Clone();
        var negativePerSample = epochsPerSample.Select(e => e / spec.NegativeSampleRate).ToArray();
        var nextNegative = (double[])negativePerSample.Clone();
        var gamma = spec.RepulsionStrength;
        Span<double> delta = stackalloc double[dims];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var alpha = spec.LearningRate * (1.0 - (double)epoch / epochs);
            for (var e = 0; e < edges; e++)
            {
                if (nextSample[e] > epoch) continue;
                var j = head[e] * dims;
                var k = tail[e] * dims;
                var d2 = Difference(y, j, k, delta);
                var powBMinus1 = d2 > 0 ? Math.Pow(d2, b - 1.0) : 0.0;
                var attract = d2 > 0 ? -2.0 * a * b * powBMinus1 / (a * powBMinus1 * d2 + 1.0) : 0.0;
                for (var d = 0; d < dims; d++)
                {
                    var g = Math.Clamp(attract * delta[d], -Clip, Clip) * alpha;
                    y[j + d] += g;
                    y[k + d] -= g;
                }
                nextSample[e] += epochsPerSample[e];

                var negatives = (int)((epoch - nextNegative[e]) / negativePerSample[e]);
                for (var s = 0; s < negatives; s++)
                {
                    var other = (int)(random.NextUInt() % (uint)n) * dims;
                    if (other == j) continue;
                    d2 = Difference(y, j, other, delta);
                    if (d2 <= 0) continue;
                    var repel = 2.0 * gamma * b / ((0.001 + d2) * (a * Math.Pow(d2, b) + 1.0));
                    for (var d = 0; d < dims; d++) y[j + d] += Math.Clamp(repel * delta[d], -Clip, Clip) * alpha;
                }
                nextNegative[e] += negatives * negativePerSample[e];
            }
            if (progress != null && (epoch % 10 == 9 || epoch == epochs - 1)) progress.Report((epoch + 1.0) / epochs);
        }
    }

    private static double Difference(double[] y, int j, int k, Span<double> delta)
    {
        double d2 = 0;
        for (var d = 0; d < delta.Length; d++)
        {
            delta[d] = y[j + d] - y[k + d];
            d2 += delta[d] * delta[d];
        }
        return d2;
    }
}
