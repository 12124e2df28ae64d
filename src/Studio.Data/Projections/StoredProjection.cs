using Studio.Core.Jobs;

namespace Studio.Data.Projections;

/// <summary>
/// One projection of a run's vectors, cached per (run, checkpoint version, source, request key). The coordinates
/// (float32, rows x dimensions), the entity keys and a small JSON meta live in files under
/// <c>{DataDir}/projections/</c>; this row says where, how good the result is and which job made it.
/// </summary>
public sealed class StoredProjection
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int TrainingRunId { get; set; }
    /// <summary>The vector source key ("embedding:region", "hidden").</summary>
    public required string SourceKey { get; set; }
    /// <summary>The checkpoint version the vectors came from; a retrained checkpoint makes old rows stale.</summary>
    public required string SourceVersion { get; set; }
    /// <summary>Everything in the request that changes the result (ProjectionRequest.CacheKey).</summary>
    public required string RequestKey { get; set; }
    public required string RequestJson { get; set; }
    public required string Method { get; set; }
    public int Dimensions { get; set; }
    public JobStatus Status { get; set; }
    public Guid? JobId { get; set; }
    public string? EntityLabel { get; set; }
    public int? DatasetId { get; set; }
    public int Rows { get; set; }
    public int SourceDimensions { get; set; }
    public int? QualityK { get; set; }
    public double? Trustworthiness { get; set; }
    public double? KnnRecall { get; set; }
    public double? ElapsedSeconds { get; set; }
    /// <summary>Folder holding coordinates.f32, keys.txt and meta.json; null until the job finished.</summary>
    public string? FolderPath { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
