using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Studio.Data;
using Studio.Data.Datasets;
using Studio.Data.Storage;

namespace Studio.Data.IntegrationTests;

/// <summary>A real, migrated SQLite store in a temporary data folder.</summary>
public sealed class TempStore : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TempStore(ServiceProvider services, StudioStorageOptions options)
    {
        _services = services;
        Options = options;
    }

    public StudioStorageOptions Options { get; }
    public IDbContextFactory<StudioDbContext> Contexts => _services.GetRequiredService<IDbContextFactory<StudioDbContext>>();
    public DatasetRepository Datasets => _services.GetRequiredService<DatasetRepository>();
    public DatasetTableStore Tables => _services.GetRequiredService<DatasetTableStore>();
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<TempStore> CreateAsync()
    {
        var options = new StudioStorageOptions { DataDir = Path.Combine(Path.GetTempPath(), "studio-it-" + Guid.NewGuid().ToString("N")[..8]) };
        var services = new ServiceCollection().AddLogging().AddStudioData(options).BuildServiceProvider();
        var store = new TempStore(services, options);
        await store.InitializeAsync();
        return store;
    }

    public Task InitializeAsync() => new DatabaseInitializer(Contexts, Options, NullLogger<DatabaseInitializer>.Instance)
        .InitializeAsync(CancellationToken.None);

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(Options.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Options.DataDir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
