using System.Numerics;
using System.Runtime.InteropServices;

namespace Studio.Analysis.Projections;

/// <summary>SIMD kernels shared by neighbour search, projections and clustering.</summary>
public static class VectorMath
{
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = Vector<double>.Zero;
        var i = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<double>.Count)
        {
            var va = MemoryMarshal.Cast<double, Vector<double>>(a);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b[..a.Length]);
            for (var v = 0; v < va.Length; v++) sum += va[v] * vb[v];
            i = va.Length * Vector<double>.Count;
        }
        var result = Vector.Sum(sum);
        for (; i < a.Length; i++) result += a[i] * b[i];
        return result;
    }

    public static double SquaredEuclidean(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = Vector<double>.Zero;
        var i = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<double>.Count)
        {
            var va = MemoryMarshal.Cast<double, Vector<double>>(a);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b[..a.Length]);
            for (var v = 0; v < va.Length; v++)
            {
                var d = va[v] - vb[v];
                sum += d * d;
            }
            i = va.Length * Vector<double>.Count;
        }
        var result = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            var d = a[i] - b[i];
            result += d * d;
        }
        return result;
    }

    /// <summary>The metric's distance between two vectors (Euclidean distance, or 1 - cosine similarity).</summary>
    public static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b, DistanceMetric metric)
    {
        if (metric == DistanceMetric.Euclidean) return Math.Sqrt(SquaredEuclidean(a, b));
        var norms = Math.Sqrt(Dot(a, a) * Dot(b, b));
        return norms == 0 ? 1.0 : 1.0 - Dot(a, b) / norms;
    }

    /// <summary>Rows scaled to unit length (zero rows stay zero), so cosine distance becomes 1 - dot.</summary>
    public static PointMatrix NormalizeRows(PointMatrix points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var data = points.Values.ToArray();
        for (var i = 0; i < points.Rows; i++)
        {
            var row = data.AsSpan(i * points.Columns, points.Columns);
            var norm = Math.Sqrt(Dot(row, row));
            if (norm > 0) foreach (ref var x in row) x /= norm;
        }
        return new PointMatrix(points.Rows, points.Columns, data);
    }
}
