using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Studio.Analysis;
using Studio.Analysis.Ingest;
using Studio.Core.Datasets;
using Studio.Core.Jobs;
using Studio.Data;
using Studio.Data.Datasets;
using Studio.Data.Models;
using Studio.Data.Storage;
using Studio.Data.Workspaces;
using Studio.Ml.Service;

namespace Studio.Ml.UnitTests.Service;

/// <summary>
/// The training service as the web process composes it: a migrated SQLite store in a temp folder, the job worker
/// running, and the demo customers saved as a dataset of a workspace.
/// </summary>
public sealed class ServiceHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _hosted;

    private ServiceHarness(ServiceProvider services, StudioStorageOptions storage)
    {
        _services = services;
        Storage = storage;
        _hosted = services.GetServices<IHostedService>().ToList();
    }

    public static string DemoFolder { get; } = Path.Combine(RepositoryRoot(), "sample-datasets", "retail-demo");

    public StudioStorageOptions Storage { get; }
    public int WorkspaceId { get; private set; }
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();
    public TrainingService Training => Get<TrainingService>();
    public ModelRegistry Registry => Get<ModelRegistry>();

    public static async Task<ServiceHarness> StartAsync(string? dataDir = null)
    {
        var storage = new StudioStorageOptions { DataDir = dataDir ?? Path.Combine(Path.GetTempPath(), "studio-ml-" + Guid.NewGuid().ToString("N")[..8]) };
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddStudioData(storage)
            .AddStudioAnalysis()
            .AddStudioMl()
            .BuildServiceProvider();
        var harness = new ServiceHarness(services, storage);
        await new DatabaseInitializer(harness.Get<IDbContextFactory<StudioDbContext>>(), storage, NullLogger<DatabaseInitializer>.Instance)
            .InitializeAsync(CancellationToken.None);
        await using (var context = await harness.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync())
        {
            var workspace = context.Workspaces.FirstOrDefault();
            if (workspace is null)
            {
                workspace = new Workspace { Name = "Test", CreatedAt = DateTimeOffset.UtcNow };
                context.Workspaces.Add(workspace);
                await context.SaveChangesAsync();
            }
            harness.WorkspaceId = workspace.Id;
        }
        foreach (var hosted in harness._hosted) await hosted.StartAsync(CancellationToken.None);
        return harness;
    }

    public Task<Dataset> SaveDemoCustomersAsync() => ImportAsync(Path.Combine(DemoFolder, "customers.csv"), "customers");

    /// <summary>Imports a CSV through the real importer, as an upload would.</summary>
    public Task<Dataset> ImportAsync(string csvPath, string name, DatasetRole role = DatasetRole.Customers) =>
        Get<IDatasetImporter>().ImportAsync(new ImportRequest(WorkspaceId, csvPath, name, role), null, CancellationToken.None);

    /// <summary>Writes the rows as a CSV beside the data and imports it.</summary>
    public Task<Dataset> ImportAsync(string name, IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        Directory.CreateDirectory(Storage.DataDir);
        var path = Path.Combine(Storage.DataDir, name + ".csv");
        File.WriteAllLines(path, [string.Join(',', header), .. rows.Select(r => string.Join(',', r))]);
        return ImportAsync(path, name);
    }

    public async Task<TrainingRun> RunAsync(int runId) =>
        await Get<TrainingRunStore>().FindAsync(runId) ?? throw new InvalidOperationException($"no run {runId}");

    /// <summary>Polls until the run's status satisfies <paramref name="done"/> (default: finished).</summary>
    public async Task<TrainingRun> WaitForRunAsync(int runId, Func<TrainingRun, bool>? done = null, int timeoutSeconds = 120)
    {
        done ??= r => r.Status.IsFinished();
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var run = await RunAsync(runId);
            if (done(run)) return run;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Run {runId} is still {run.Status} after {timeoutSeconds} s.");
            await Task.Delay(50);
        }
    }

    public async Task<Data.Jobs.Job> WaitForJobAsync(Guid jobId, int timeoutSeconds = 120)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            await using (var context = await Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync())
            {
                var job = await context.Jobs.AsNoTracking().FirstAsync(j => j.Id == jobId);
                if (job.Status.IsFinished()) return job;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Job {jobId} did not finish in {timeoutSeconds} s.");
            await Task.Delay(50);
        }
    }

    public async Task StopWorkersAsync()
    {
        foreach (var hosted in _hosted) await hosted.StopAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await StopWorkersAsync();
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Storage.DataDir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Studio.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Studio.sln not found above " + AppContext.BaseDirectory);
    }
}
