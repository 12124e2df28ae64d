using Studio.Core.Jobs;

namespace Studio.Data.Jobs;

/// <summary>
/// Long work to run off the UI circuit. <see cref="Run"/> gets a context with progress and cancellation and
/// returns an optional JSON result that is stored with the job.
/// </summary>
public sealed record JobRequest(
    JobKind Kind,
    string Title,
    Func<JobContext, Task<string?>> Run,
    int? WorkspaceId = null,
    string? SpecJson = null);
