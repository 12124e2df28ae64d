using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Studio.Core.Jobs;
using Studio.Data.Jobs;
using Studio.Data.Storage;

namespace Studio.Data.IntegrationTests.Storage;

public sealed class DatabaseInitializerTests
{
    [Fact]
    public async Task Initialize_EmptyFolder_AppliesAllMigrationsInWalMode()
    {
        await using var store = await TempStore.CreateAsync();

        await using var context = await store.Contexts.CreateDbContextAsync();
        var applied = await context.Database.GetAppliedMigrationsAsync();
        Assert.Equal(context.Database.GetMigrations(), applied);
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        await using var connection = new SqliteConnection(store.Options.ConnectionString);
        await connection.OpenAsync();
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await pragma.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Initialize_AfterRestart_MarksRunningAndQueuedJobsInterrupted()
    {
        await using var store = await TempStore.CreateAsync();
        var running = new Job { Id = Guid.NewGuid(), Title = "train", Kind = JobKind.Training, Status = JobStatus.Running, Progress = 0.4, CreatedAt = DateTimeOffset.UtcNow };
        var queued = new Job { Id = Guid.NewGuid(), Title = "project", Kind = JobKind.Projection, Status = JobStatus.Queued, CreatedAt = DateTimeOffset.UtcNow };
        var done = new Job { Id = Guid.NewGuid(), Title = "import", Kind = JobKind.Import, Status = JobStatus.Succeeded, Progress = 1, CreatedAt = DateTimeOffset.UtcNow };
        await using (var context = await store.Contexts.CreateDbContextAsync())
        {
            context.Jobs.AddRange(running, queued, done);
            await context.SaveChangesAsync();
        }

        await store.InitializeAsync();

        await using var check = await store.Contexts.CreateDbContextAsync();
        var statuses = await check.Jobs.ToDictionaryAsync(j => j.Id, j => j);
        Assert.Equal(JobStatus.Interrupted, statuses[running.Id].Status);
        Assert.Equal(0.4, statuses[running.Id].Progress);
        Assert.NotNull(statuses[running.Id].FinishedAt);
        Assert.Equal(JobStatus.Interrupted, statuses[queued.Id].Status);
        Assert.Equal(JobStatus.Succeeded, statuses[done.Id].Status);
    }

    [Fact]
    public void Resolve_ConfigurationThenEnvironmentThenDefault()
    {
        Assert.Equal(Path.GetFullPath("/tmp/from-config"), StudioStorageOptions.Resolve("/tmp/from-config", "/tmp/from-env").DataDir);
        Assert.Equal(Path.GetFullPath("/tmp/from-env"), StudioStorageOptions.Resolve(null, "/tmp/from-env").DataDir);
        var fallback = StudioStorageOptions.Resolve(" ", null).DataDir;
        Assert.EndsWith(Path.Combine("", "Studio"), fallback, StringComparison.Ordinal);
        Assert.StartsWith(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), fallback, StringComparison.Ordinal);
    }
}
