namespace Studio.Analysis.Projections;

/// <summary>
/// The low-dimensional similarity 1 / (1 + a d^(2b)), with a and b fitted by least squares (Levenberg–Marquardt from
/// (1, 1), as scipy's curve_fit in umap-learn) to 1 below min_dist and exp(-(d - min_dist) / spread) above it,
/// sampled at 300 points on [0, 3 * spread].
/// </summary>
public static class UmapCurve
{
    public static (double A, double B) Fit(double spread, double minDist)
    {
        const int samples = 300;
        var xs = new double[samples];
        var ys = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            xs[i] = spread * 3 * i / (samples - 1);
            ys[i] = xs[i] < minDist ? 1.0 : Math.Exp(-(xs[i] - minDist) / spread);
        }
        double a = 1, b = 1, lambda = 1e-3;
        var error = SquaredError(xs, ys, a, b);
        for (var iteration = 0; iteration < 500; iteration++)
        {
            // Normal equations J^T J delta = J^T r for the two parameters.
            double jaa = 0, jab = 0, jbb = 0, ga = 0, gb = 0;
            for (var i = 0; i < samples; i++)
            {
                var (f, da, db) = ValueAndGradient(xs[i], a, b);
                var r = ys[i] - f;
                jaa += da * da;
                jab += da * db;
                jbb += db * db;
                ga += da * r;
                gb += db * r;
            }
            var improved = false;
            for (var attempt = 0; attempt < 30 && !improved; attempt++)
            {
                var m00 = jaa * (1 + lambda);
                var m11 = jbb * (1 + lambda);
                var det = m00 * m11 - jab * jab;
                var stepA = (m11 * ga - jab * gb) / det;
                var stepB = (m00 * gb - jab * ga) / det;
                var candidate = SquaredError(xs, ys, a + stepA, b + stepB);
                if (candidate < error)
                {
                    var converged = error - candidate < 1e-15 * (1 + error);
                    (a, b, error) = (a + stepA, b + stepB, candidate);
                    lambda = Math.Max(lambda / 10, 1e-12);
                    improved = true;
                    if (converged) return (a, b);
                }
                else lambda *= 10;
            }
            if (!improved) break;
        }
        return (a, b);
    }

    private static (double Value, double DA, double DB) ValueAndGradient(double x, double a, double b)
    {
        if (x <= 0) return (1.0, 0, 0);
        var x2b = Math.Pow(x, 2 * b);
        var denominator = 1 + a * x2b;
        var value = 1 / denominator;
        var common = -value * value;
        return (value, common * x2b, common * a * x2b * 2 * Math.Log(x));
    }

    private static double SquaredError(double[] xs, double[] ys, double a, double b)
    {
        double sum = 0;
        for (var i = 0; i < xs.Length; i++)
        {
            var r = ys[i] - ValueAndGradient(xs[i], a, b).Value;
            sum += r * r;
        }
        return sum;
    }
}
