namespace Studio.Analysis.Projections;

/// <summary>
/// A small pure-C# PCA (covariance + cyclic Jacobi eigen-decomposition), used to initialise t-SNE and UMAP.
/// O(n d^2 + d^3): fine for embeddings up to a few hundred dimensions. The full PCA for users lives in
/// Studio.Ml (TorchSharp SVD).
/// </summary>
public static class PrincipalAxes
{
    /// <summary>Projects rows onto the top <paramref name="components"/> principal axes (each axis's largest loading positive).</summary>
    public static PointMatrix Project(PointMatrix points, int components)
    {
        ArgumentNullException.ThrowIfNull(points);
        var (n, d) = (points.Rows, points.Columns);
        var mean = new double[d];
        for (var i = 0; i < n; i++)
        {
            var row = points.Row(i);
            for (var c = 0; c < d; c++) mean[c] += row[c];
        }
        for (var c = 0; c < d; c++) mean[c] /= n;
        var cov = Covariance(points, mean);
        var (values, vectors) = JacobiEigen(cov, d);
        var order = Enumerable.Range(0, d).OrderByDescending(i => values[i]).Take(components).ToArray();
        var result = new double[n * components];
        var centred = new double[d];
        for (var i = 0; i < n; i++)
        {
            var row = points.Row(i);
            for (var c = 0; c < d; c++) centred[c] = row[c] - mean[c];
            for (var m = 0; m < order.Length; m++)
            {
                var axis = order[m];
                double sum = 0;
                for (var c = 0; c < d; c++) sum += centred[c] * vectors[c * d + axis];
                result[i * components + m] = sum * SignOf(vectors, d, axis);
            }
        }
        return new PointMatrix(n, components, result);
    }

    private static double SignOf(double[] vectors, int d, int axis)
    {
        var best = 0.0;
        for (var c = 0; c < d; c++)
            if (Math.Abs(vectors[c * d + axis]) > Math.Abs(best)) best = vectors[c * d + axis];
        return best < 0 ? -1.0 : 1.0;
    }

    private static double[] Covariance(PointMatrix points, double[] mean)
    {
        var d = points.Columns;
        var partials = new double[Environment.ProcessorCount][];
        var chunk = (points.Rows + partials.Length - 1) / partials.Length;
        Parallel.For(0, partials.Length, p =>
        {
            var cov = new double[d * d];
            var centred = new double[d];
            for (var i = p * chunk; i < Math.Min(points.Rows, (p + 1) * chunk); i++)
            {
                var row = points.Row(i);
                for (var c = 0; c < d; c++) centred[c] = row[c] - mean[c];
                for (var a = 0; a < d; a++)
                    for (var b = a; b < d; b++) cov[a * d + b] += centred[a] * centred[b];
            }
            partials[p] = cov;
        });
        var total = new double[d * d];
        foreach (var part in partials)
            for (var i = 0; i < total.Length; i++) total[i] += part[i];
        for (var a = 0; a < d; a++)
            for (var b = a; b < d; b++)
            {
                total[a * d + b] /= Math.Max(1, points.Rows - 1);
                total[b * d + a] = total[a * d + b];
            }
        return total;
    }

    /// <summary>Cyclic Jacobi: eigenvalues and column eigenvectors (row-major d x d) of a symmetric matrix.</summary>
    internal static (double[] Values, double[] Vectors) JacobiEigen(double[] matrix, int d)
    {
        var a = (double[])matrix.Clone();
        var v = new double[d * d];
        for (var i = 0; i < d; i++) v[i * d + i] = 1;
        for (var sweep = 0; sweep < 100; sweep++)
        {
            double off = 0;
            for (var p = 0; p < d; p++)
                for (var q = p + 1; q < d; q++) off += a[p * d + q] * a[p * d + q];
            if (off < 1e-30) break;
            for (var p = 0; p < d; p++)
                for (var q = p + 1; q < d; q++)
                    if (a[p * d + q] != 0) Rotate(a, v, d, p, q);
        }
        var values = new double[d];
        for (var i = 0; i < d; i++) values[i] = a[i * d + i];
        return (values, v);
    }

    private static void Rotate(double[] a, double[] v, int d, int p, int q)
    {
        var apq = a[p * d + q];
        var theta = (a[q * d + q] - a[p * d + p]) / (2 * apq);
        var t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
        var c = 1 / Math.Sqrt(t * t + 1);
        var s = t * c;
        for (var k = 0; k < d; k++)
        {
            var akp = a[k * d + p];
            var akq = a[k * d + q];
            a[k * d + p] = c * akp - s * akq;
            a[k * d + q] = s * akp + c * akq;
        }
        for (var k = 0; k < d; k++)
        {
            var apk = a[p * d + k];
            var aqk = a[q * d + k];
            a[p * d + k] = c * apk - s * aqk;
            a[q * d + k] = s * apk + c * aqk;
        }
        for (var k = 0; k < d; k++)
        {
            var vkp = v[k * d + p];
            var vkq = v[k * d + q];
            v[k * d + p] = c * vkp - s * vkq;
            v[k * d + q] = s * vkp + c * vkq;
        }
    }
}
