using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Datasets;
using Studio.Data.Datasets;
using Studio.Data.Storage;
using Studio.Data.Workspaces;

namespace Studio.Data.IntegrationTests.Datasets;

/// <summary>Row storage through <see cref="TableRowWriter"/> and the all-or-nothing save.</summary>
public sealed class DatasetStorageTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "studio-data-tests", Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = null!;
    private int _workspaceId;

    private DatasetRepository Repository => _services.GetRequiredService<DatasetRepository>();
    private DatasetTableStore Tables => _services.GetRequiredService<DatasetTableStore>();

    public async Task InitializeAsync()
    {
        _services = new ServiceCollection().AddLogging().AddStudioData(new StudioStorageOptions { DataDir = _dir }).BuildServiceProvider();
        await _services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        await using var context = await _services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        var workspace = new Workspace { Name = "w", CreatedAt = DateTimeOffset.UtcNow };
        context.Workspaces.Add(workspace);
        await context.SaveChangesAsync();
        _workspaceId = workspace.Id;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private Dataset NewDataset()
    {
        var dataset = new Dataset { WorkspaceId = _workspaceId, Name = "t", TableName = DatasetTableStore.NewTableName() };
        ColumnType[] types = [ColumnType.Integer, ColumnType.Decimal, ColumnType.Boolean, ColumnType.DateTime, ColumnType.Text, ColumnType.Categorical];
        dataset.Columns.AddRange(types.Select((t, i) => new DatasetColumn
        {
            Ordinal = i, Name = "<b>col</b> " + i, StorageName = DatasetTableStore.StorageNameFor(i), Type = t,
        }));
        return dataset;
    }

    private async Task<(long Datasets, long Tables)> CountAsync()
    {
        await using var connection = Tables.OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM Datasets), (SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'ds\\_%' ESCAPE '\\')";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    [Fact]
    public async Task SaveNew_TypedValues_ReadBackEqual()
    {
        var when = new DateTimeOffset(2024, 3, 12, 8, 30, 15, TimeSpan.FromHours(2));
        var saved = await Repository.SaveNewAsync(NewDataset(), (writer, _) =>
        {
            writer.Write(new object?[] { 42L, 3.25, true, when, "héllo, \"world\"", "" });
            writer.Write(new object?[] { null, null, null, null, null, null });
            writer.Write(new object?[] { -7L, double.NaN, false, when.UtcDateTime, "東京", "x" });
        }, CancellationToken.None);

        Assert.Equal(3, saved.RowCount);
        var rows = await Tables.ReadPageAsync(saved.TableName, saved.Columns, 0, 10);
        Assert.Equal(new object?[] { 42L, 3.25, true, when.ToUniversalTime(), "héllo, \"world\"", "" }, rows[0]);
        Assert.All(rows[1], Assert.Null);
        Assert.Equal(new object?[] { -7L, null, false, when.ToUniversalTime(), "東京", "x" }, rows[2]);
    }

    [Fact]
    public async Task SaveNew_RowsAcrossBatchesAndRemainder_AllStoredInOrder()
    {
        var saved = await Repository.SaveNewAsync(NewDataset(), (writer, _) =>
        {
            for (var i = 0; i < 150; i++)
            {
                writer.Integer(0, i);
                writer.Real(1, i / 4.0);
                if (i % 10 == 0) writer.Null(2); else writer.Integer(2, i % 2);
                writer.Utc(3, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i));
                writer.Text(4, "row " + i);
                writer.EndRow(); // column 5 never set: NULL
            }
        }, CancellationToken.None);

        Assert.Equal(150, saved.RowCount);
        var rows = await Tables.ReadPageAsync(saved.TableName, saved.Columns, 0, 200);
        Assert.Equal(Enumerable.Range(0, 150).Select(i => (object)(long)i), rows.Select(r => r[0]));
        Assert.Equal(149 / 4.0, rows[149][1]);
        Assert.Null(rows[140][2]);
        Assert.Equal(true, rows[141][2]);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 2, 29, 0, TimeSpan.Zero), rows[149][3]);
        Assert.Equal("row 130", rows[130][4]);
        Assert.All(rows, r => Assert.Null(r[5]));
    }

    [Fact]
    public async Task SaveNew_ManyChunksWithFractionalSeconds_StoredExactlyAndInOrder()
    {
        var start = new DateTime(2024, 2, 29, 23, 59, 58, DateTimeKind.Utc);
        long[] fractions = [0, 1, 10_000, 1_234_567, 9_999_999, 5_000_000];
        const int rows = 5_000; // several chunks of 1,024 rows plus a remainder
        var saved = await Repository.SaveNewAsync(NewDataset(), (writer, _) =>
        {
            for (var i = 0; i < rows; i++)
            {
                writer.Integer(0, i);
                writer.Utc(3, start.AddTicks(fractions[i % fractions.Length] + i * TimeSpan.TicksPerSecond));
                writer.Text(4, i % 7 == 0 ? "" : "é" + i);
                writer.EndRow();
            }
        }, CancellationToken.None);

        Assert.Equal(rows, saved.RowCount);
        var all = await Tables.ReadPageAsync(saved.TableName, saved.Columns, 0, rows + 1);
        Assert.Equal(rows, all.Count);
        for (var i = 0; i < rows; i++)
        {
            Assert.Equal((long)i, all[i][0]);
            Assert.Equal(new DateTimeOffset(start.AddTicks(fractions[i % fractions.Length] + i * TimeSpan.TicksPerSecond)), all[i][3]);
            Assert.Equal(i % 7 == 0 ? "" : "é" + i, all[i][4]);
        }
    }

    [Fact]
    public async Task SaveNew_ProducerThrowsHalfway_NoTableNoMetadata()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Repository.SaveNewAsync(NewDataset(), (writer, _) =>
        {
            for (var i = 0; i < 20_000; i++) writer.Write(new object?[] { (long)i, 1.0, true, null, "a", "b" }); // several chunks in flight
            throw new InvalidOperationException("bad row");
        }, CancellationToken.None));

        Assert.Equal((0, 0), await CountAsync());
    }

    [Fact]
    public async Task SaveNew_Cancelled_NoTableNoMetadata()
    {
        using var cts = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Repository.SaveNewAsync(NewDataset(), (writer, token) =>
        {
            writer.Write(new object?[] { 1L, 1.0, true, null, "a", "b" });
            cts.Cancel();
            token.ThrowIfCancellationRequested();
        }, cts.Token));

        Assert.Equal((0, 0), await CountAsync());
    }
}
