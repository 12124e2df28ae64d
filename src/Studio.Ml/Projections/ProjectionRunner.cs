using System.Diagnostics;
using Studio.Analysis.Projections;

namespace Studio.Ml.Projections;

/// <summary>
/// The single entry point a background job calls: runs PCA, t-SNE or UMAP on embedding rows, then scores the result
/// on the original vectors. Progress: 0..0.9 for the projection, 0.9..1 for the quality measure. Stateless and
/// thread-safe (registered as a singleton).
/// </summary>
public sealed class ProjectionRunner
{
    private const double ProjectionShare = 0.9;

    public ProjectionResult Run(PointMatrix points, ProjectionRequest request, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var stage = ProgressSlice.Of(progress, 0, ProjectionShare);
        PcaResult? pca = null;
        PointMatrix coordinates;
        switch (request.Method)
        {
            case ProjectionMethod.Pca:
                pca = Pca.Fit(points, request.Dimensions, cancellationToken);
                coordinates = pca.Coordinates;
                break;
            case ProjectionMethod.Tsne:
                coordinates = Tsne.Fit(points, request.EffectiveTsne, stage, cancellationToken);
                break;
            case ProjectionMethod.Umap:
                coordinates = Umap.Fit(points, request.EffectiveUmap, stage, cancellationToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.Method, "Unknown projection method.");
        }
        var elapsed = clock.Elapsed;
        progress?.Report(ProjectionShare);
        var k = Math.Min(request.QualityK, Math.Max(1, (points.Rows - 1) / 2));
        var quality = ProjectionQualityMeasure.Measure(points, coordinates, k, DistanceMetric.Euclidean, request.QualityRows,
            seed: 0, ProgressSlice.Of(progress, ProjectionShare, 1 - ProjectionShare), cancellationToken);
        progress?.Report(1.0);
        return new ProjectionResult(request, coordinates, quality, elapsed, pca);
    }
}
