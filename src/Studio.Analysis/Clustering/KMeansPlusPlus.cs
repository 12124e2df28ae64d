using Studio.Analysis.Projections;

namespace Studio.Analysis.Clustering;

/// <summary>Greedy k-means++ seeding: each new centre is the best of 2 + ln k candidates drawn by D^2 weighting.</summary>
internal static class KMeansPlusPlus
{
    public static double[] Seed(PointMatrix points, int k, Random random)
    {
        var (n, dims) = (points.Rows, points.Columns);
        var centroids = new double[k * dims];
        var trials = 2 + (int)Math.Log(k);
        points.Row(random.Next(n)).CopyTo(centroids.AsSpan(0, dims));
        var closest = new double[n];
        for (var i = 0; i < n; i++) closest[i] = VectorMath.SquaredEuclidean(points.Row(i), centroids.AsSpan(0, dims));
        var candidate = new double[n];
        var bestCandidate = new double[n];
        for (var c = 1; c < k; c++)
        {
            var total = closest.Sum();
            var (bestIndex, bestPotential) = (-1, double.PositiveInfinity);
            for (var t = 0; t < trials; t++)
            {
                var index = Draw(closest, total, random);
                var row = points.Row(index).ToArray();
                var potential = 0.0;
                for (var i = 0; i < n; i++)
                {
                    candidate[i] = Math.Min(closest[i], VectorMath.SquaredEuclidean(points.Row(i), row));
                    potential += candidate[i];
                }
                if (potential < bestPotential)
                {
                    (bestIndex, bestPotential) = (index, potential);
                    (candidate, bestCandidate) = (bestCandidate, candidate);
                }
            }
            points.Row(bestIndex).CopyTo(centroids.AsSpan(c * dims, dims));
            bestCandidate.CopyTo(closest, 0);
        }
        return centroids;
    }

    private static int Draw(double[] weights, double total, Random random)
    {
        if (total <= 0) return random.Next(weights.Length);
        var target = random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            target -= weights[i];
            if (target < 0) return i;
        }
        return weights.Length - 1;
    }
}
