using Studio.Core.Jobs;

namespace Studio.Data.Jobs;

/// <summary>An immutable view of a job for the UI.</summary>
public sealed record JobSnapshot(
    Guid Id,
    JobKind Kind,
    string Title,
    JobStatus Status,
    double Progress,
    string? Message,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? ResultJson = null)
{
    public static JobSnapshot From(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new(job.Id, job.Kind, job.Title, job.Status, job.Progress, job.Message, job.Error,
            job.CreatedAt, job.StartedAt, job.FinishedAt, job.ResultJson);
    }
}
