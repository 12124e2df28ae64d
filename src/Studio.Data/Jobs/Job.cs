using Studio.Core.Jobs;

namespace Studio.Data.Jobs;

/// <summary>A unit of long work (import, training, projection…) as the store remembers it.</summary>
public sealed class Job
{
    public Guid Id { get; set; }
    public int? WorkspaceId { get; set; }
    public JobKind Kind { get; set; }
    public JobStatus Status { get; set; }
    public required string Title { get; set; }
    /// <summary>0 to 1.</summary>
    public double Progress { get; set; }
    public string? Message { get; set; }
    public string? Error { get; set; }
    public string? SpecJson { get; set; }
    public string? ResultJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
