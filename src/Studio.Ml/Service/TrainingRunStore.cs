using Microsoft.EntityFrameworkCore;
using Studio.Data;
using Studio.Data.Models;
using Studio.Ml.Evaluation;
using Studio.Ml.Training;

namespace Studio.Ml.Service;

/// <summary>Reads runs, their epochs and their stored test predictions for pages and the API.</summary>
public sealed class TrainingRunStore(IDbContextFactory<StudioDbContext> contextFactory)
{
    public async Task<IReadOnlyList<TrainingRun>> ListAsync(int workspaceId, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.TrainingRuns.AsNoTracking().Where(r => r.WorkspaceId == workspaceId)
            .OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
    }

    public async Task<TrainingRun?> FindAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.TrainingRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
    }

    public async Task<IReadOnlyList<TrainingEpoch>> EpochsAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.TrainingEpochs.AsNoTracking().Where(e => e.RunId == runId)
            .OrderBy(e => e.Epoch).ToListAsync(cancellationToken);
    }

    /// <summary>The test rows of a finished run, or null while it has none.</summary>
    public static Predictions? Predictions(TrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.PredictionsPath is { } path && File.Exists(path) ? RunFiles.ReadPredictions(path) : null;
    }

    public static TrainingSpec Spec(TrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return ServiceJson.Deserialize<TrainingSpec>(run.SpecJson);
    }
}
