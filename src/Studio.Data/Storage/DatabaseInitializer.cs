using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Studio.Core.Jobs;

namespace Studio.Data.Storage;

/// <summary>Creates the data folder, applies migrations, turns on WAL, and marks jobs cut off by a restart.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<StudioDbContext> contextFactory,
    StudioStorageOptions options,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.DataDir);
        Directory.CreateDirectory(options.UploadsDir);
        Directory.CreateDirectory(options.ModelsDir);

        await using (var connection = new SqliteConnection(options.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode=WAL;";
            var mode = (string?)await pragma.ExecuteScalarAsync(cancellationToken);
            logger.LogInformation("Database {Path} journal mode {Mode}", options.DatabasePath, mode);
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await context.Database.MigrateAsync(cancellationToken);

        var cutOff = await context.Jobs
            .Where(j => j.Status == JobStatus.Running || j.Status == JobStatus.Queued)
            .ToListAsync(cancellationToken);
        foreach (var job in cutOff)
        {
            job.Status = JobStatus.Interrupted;
            job.FinishedAt = DateTimeOffset.UtcNow;
            job.Message = "Interrupted by an application restart.";
        }
        var runs = await context.TrainingRuns
            .Where(r => r.Status == JobStatus.Running || r.Status == JobStatus.Queued)
            .ToListAsync(cancellationToken);
        foreach (var run in runs)
        {
            // The best checkpoint written so far stays on disk and on the run.
            run.Status = JobStatus.Interrupted;
            run.FinishedAt = DateTimeOffset.UtcNow;
            run.Error = "Interrupted by an application restart; the best checkpoint so far is kept.";
        }
        if (cutOff.Count + runs.Count > 0)
        {
            await context.SaveChangesAsync(cancellationToken);
            logger.LogWarning("Marked {Jobs} job(s) and {Runs} training run(s) interrupted by the restart", cutOff.Count, runs.Count);
        }
    }
}
