using Studio.Core.Jobs;
using Studio.Ml.Projections.Vectors;

namespace Studio.Ml.Projections.Jobs;

/// <summary>The answer to a start request: the projection row, its job (null when served from the cache).</summary>
public sealed record ProjectionStart(int ProjectionId, Guid? JobId, bool Cached, JobStatus Status);

/// <summary>What <c>meta.json</c> holds beside the coordinates.</summary>
public sealed record ProjectionMeta(
    int ProjectionId,
    VectorSourceSpec Source,
    string SourceVersion,
    ProjectionRequest Request,
    string EntityLabel,
    int Rows,
    int Dimensions,
    int SourceDimensions,
    double Trustworthiness,
    double KnnRecall,
    int QualityK,
    double ElapsedSeconds,
    IReadOnlyList<double>? ExplainedVarianceRatio);

/// <summary>One neighbour of a point on the original vectors.</summary>
public sealed record EntityNeighbor(int Index, string Key, double Distance);

/// <summary>A point's nearest neighbours by both metrics, computed on the original (not projected) vectors.</summary>
public sealed record ProjectionNeighbors(int Index, string Key, IReadOnlyList<EntityNeighbor> Cosine, IReadOnlyList<EntityNeighbor> Euclidean);
