using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Studio.Core.Jobs;
using Studio.Data;

namespace Studio.Web.Api;

internal static class JobsApi
{
    public sealed record JobDto(Guid Id, JobKind Kind, string Title, JobStatus Status, double Progress, string? Message,
        string? Error, string? ResultJson, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt);

    public static void MapJobsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/jobs").WithTags("Jobs");

        group.MapGet("", async (IDbContextFactory<StudioDbContext> contexts, CancellationToken ct) =>
        {
            await using var context = await contexts.CreateDbContextAsync(ct);
            var jobs = await context.Jobs.AsNoTracking().OrderByDescending(j => j.CreatedAt).Take(200).ToListAsync(ct);
            return jobs.Select(ToDto).ToList();
        }).WithSummary("Recent jobs, newest first");

        group.MapGet("/{id:guid}", async Task<Results<Ok<JobDto>, NotFound>> (Guid id, IDbContextFactory<StudioDbContext> contexts, CancellationToken ct) =>
        {
            await using var context = await contexts.CreateDbContextAsync(ct);
            return await context.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct) is { } job
                ? TypedResults.Ok(ToDto(job)) : TypedResults.NotFound();
        }).WithSummary("A job's status, progress, error and result");

        group.MapPost("/{id:guid}/cancel", Results<Accepted, NotFound> (Guid id, Studio.Data.Jobs.JobQueue queue) =>
            queue.Cancel(id) ? TypedResults.Accepted((string?)null) : TypedResults.NotFound())
            .WithSummary("Cancel a queued or running job");
    }

    private static JobDto ToDto(Studio.Data.Jobs.Job j) =>
        new(j.Id, j.Kind, j.Title, j.Status, j.Progress, j.Message, j.Error, j.ResultJson, j.CreatedAt, j.StartedAt, j.FinishedAt);
}
