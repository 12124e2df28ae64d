using Microsoft.EntityFrameworkCore;
using Studio.Core.Jobs;

namespace Studio.Data.Projections;

/// <summary>Reads and writes <see cref="StoredProjection"/> rows, one short-lived context per call.</summary>
public sealed class ProjectionStore(IDbContextFactory<StudioDbContext> contextFactory)
{
    public async Task<StoredProjection?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.ProjectionResults.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
    }

    /// <summary>The newest row for exactly these inputs that succeeded or is still queued/running.</summary>
    public async Task<StoredProjection?> FindReusableAsync(int runId, string sourceKey, string sourceVersion, string requestKey,
        CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await context.ProjectionResults.AsNoTracking()
            .Where(p => p.TrainingRunId == runId && p.SourceKey == sourceKey && p.SourceVersion == sourceVersion && p.RequestKey == requestKey)
            .OrderByDescending(p => p.Id).ToListAsync(cancellationToken);
        return rows.FirstOrDefault(p => p.Status is JobStatus.Succeeded or JobStatus.Queued or JobStatus.Running);
    }

    public async Task<IReadOnlyList<StoredProjection>> ListForRunAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.ProjectionResults.AsNoTracking().Where(p => p.TrainingRunId == runId)
            .OrderByDescending(p => p.Id).ToListAsync(cancellationToken);
    }

    public async Task<StoredProjection> AddAsync(StoredProjection projection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projection);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        context.ProjectionResults.Add(projection);
        await context.SaveChangesAsync(cancellationToken);
        return projection;
    }

    /// <summary>Loads the row, applies <paramref name="change"/> and saves it; returns the saved row.</summary>
    public async Task<StoredProjection> UpdateAsync(int id, Action<StoredProjection> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await context.ProjectionResults.FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new InvalidOperationException($"Projection {id} does not exist.");
        change(row);
        await context.SaveChangesAsync(cancellationToken);
        return row;
    }
}
