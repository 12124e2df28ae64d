using Studio.Analysis.Projections;
using TorchSharp;
using static TorchSharp.torch;

namespace Studio.Ml.Projections;

/// <summary>A fitted PCA.</summary>
/// <param name="Components">Principal axes, row-major (components x columns), each with its largest loading positive.</param>
/// <param name="ExplainedVariance">Variance along each axis (singular value^2 / (n - 1)).</param>
/// <param name="ExplainedVarianceRatio">Share of the total variance along each axis.</param>
/// <param name="Mean">Column means removed before the decomposition.</param>
/// <param name="Coordinates">The rows projected onto the axes (n x components).</param>
public sealed record PcaResult(
    int ComponentCount,
    IReadOnlyList<double> Components,
    IReadOnlyList<double> ExplainedVariance,
    IReadOnlyList<double> ExplainedVarianceRatio,
    IReadOnlyList<double> Mean,
    PointMatrix Coordinates);

/// <summary>
/// PCA through TorchSharp's SVD of the centred matrix (torch.linalg.svd of its QR factor R when n > d), in float64
/// on the CPU.
/// </summary>
public static class Pca
{
    public static PcaResult Fit(PointMatrix points, int components, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        var (n, d) = (points.Rows, points.Columns);
        if (components < 1 || components > Math.Min(n, d))
            throw new ArgumentOutOfRangeException(nameof(components), $"Components must be in [1, {Math.Min(n, d)}].");
        cancellationToken.ThrowIfCancellationRequested();
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(points.Values.ToArray(), new long[] { n, d }, ScalarType.Float64);
        var mean = x.mean([0L]);
        var centred = x - mean;
        // SVD of the centred matrix through its R factor: centred = Q R and R = U_r S Vh give the same S and Vh,
        // without forming the n x d factor U; the coordinates are then centred @ Vh^T.
        var r = d < n ? torch.linalg.qr(centred, torch.linalg.QRMode.R).R : centred;
        var (_, s, vh) = torch.linalg.svd(r, fullMatrices: false);
        cancellationToken.ThrowIfCancellationRequested();

        // Deterministic signs: flip each axis so its largest-magnitude loading is positive (u flips with it).
        var top = vh[..components];
        var largest = top.gather(1, top.abs().argmax(1, keepdim: true));
        var signs = torch.where(largest < 0, -1.0, 1.0);
        var axes = top * signs;
        var coordinates = centred.matmul(axes.T);
        var squared = s * s;
        var ratio = squared[..components] / squared.sum();
        var variance = squared[..components] / Math.Max(1, n - 1);
        return new PcaResult(components, Values(axes), Values(variance), Values(ratio), Values(mean),
            new PointMatrix(n, components, Values(coordinates)));
    }

    private static double[] Values(Tensor tensor) => tensor.contiguous().data<double>().ToArray();
}
