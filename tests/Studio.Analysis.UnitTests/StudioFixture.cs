using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Studio.Analysis.Ingest;
using Studio.Analysis.Profiling;
using Studio.Core.Datasets;
using Studio.Data;
using Studio.Data.Datasets;
using Studio.Data.Storage;
using Studio.Data.Workspaces;

namespace Studio.Analysis.UnitTests;

/// <summary>A migrated SQLite database in a temporary folder with one workspace, and the analysis services.</summary>
public sealed class StudioFixture : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private StudioFixture(string dir, ServiceProvider services, int workspaceId)
    {
        DataDir = dir;
        _services = services;
        WorkspaceId = workspaceId;
    }

    public string DataDir { get; }
    public int WorkspaceId { get; }
    public IDatasetImporter Importer => _services.GetRequiredService<IDatasetImporter>();
    public DatasetProfiler Profiler => _services.GetRequiredService<DatasetProfiler>();
    public DatasetRepository Repository => _services.GetRequiredService<DatasetRepository>();
    public DatasetTableStore Tables => _services.GetRequiredService<DatasetTableStore>();
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<StudioFixture> CreateAsync(IngestOptions? ingest = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "studio-tests", Guid.NewGuid().ToString("N"));
        var storage = new StudioStorageOptions { DataDir = dir };
        var services = new ServiceCollection()
            .AddLogging()
            .AddStudioData(storage)
            .AddStudioAnalysis(ingest)
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        var factory = services.GetRequiredService<IDbContextFactory<StudioDbContext>>();
        await using var context = await factory.CreateDbContextAsync();
        var workspace = new Workspace { Name = "Test", CreatedAt = DateTimeOffset.UtcNow };
        context.Workspaces.Add(workspace);
        await context.SaveChangesAsync();
        return new StudioFixture(dir, services, workspace.Id);
    }

    public string WriteFile(string name, byte[] content)
    {
        var path = Path.Combine(DataDir, "uploads", name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string WriteFile(string name, string content) => WriteFile(name, System.Text.Encoding.UTF8.GetBytes(content));

    public ImportRequest Request(string path, DatasetRole role = DatasetRole.Table, IReadOnlyList<ColumnOverride>? overrides = null,
        ImportChoices? choices = null) =>
        new(WorkspaceId, path, Path.GetFileNameWithoutExtension(path), role, Path.GetFileName(path), overrides, choices);

    public Task<ImportResult> ImportAsync(string path, CancellationToken cancellationToken = default) =>
        Importer.ImportWithReportAsync(Request(path), null, cancellationToken);

    /// <summary>Datasets rows and <c>ds_</c> tables: both must stay zero after a failed import.</summary>
    public async Task<(long Datasets, long Columns, long RowTables)> CountStoredAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(DataDir, "studio.db")}");
        await connection.OpenAsync();
        return (await ScalarAsync(connection, "SELECT count(*) FROM Datasets"),
            await ScalarAsync(connection, "SELECT count(*) FROM DatasetColumns"),
            await ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'ds\\_%' ESCAPE '\\'"));
    }

    public async Task<IReadOnlyList<object?[]>> ReadRowsAsync(Dataset dataset) =>
        await Tables.ReadPageAsync(dataset.TableName, dataset.Columns.OrderBy(c => c.Ordinal).ToList(), 0, 1_000_000);

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
    }
}
