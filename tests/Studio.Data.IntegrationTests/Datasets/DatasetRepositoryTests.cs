using Microsoft.EntityFrameworkCore;
using Studio.Core.Datasets;
using Studio.Data.Datasets;
using Studio.Data.Workspaces;

namespace Studio.Data.IntegrationTests.Datasets;

public sealed class DatasetRepositoryTests
{
    private static async Task<int> NewWorkspaceAsync(TempStore store)
    {
        await using var context = await store.Contexts.CreateDbContextAsync();
        var workspace = new Workspace { Name = "ws-" + Guid.NewGuid().ToString("N")[..6], CreatedAt = DateTimeOffset.UtcNow };
        context.Workspaces.Add(workspace);
        await context.SaveChangesAsync();
        return workspace.Id;
    }

    private static Dataset NewDataset(int workspaceId)
    {
        var dataset = new Dataset { WorkspaceId = workspaceId, Name = "customers", Role = DatasetRole.Customers, TableName = DatasetTableStore.NewTableName() };
        ColumnType[] types = [ColumnType.Identifier, ColumnType.Integer, ColumnType.Decimal, ColumnType.Boolean, ColumnType.DateTime, ColumnType.Categorical];
        string[] names = ["customer_id", "age", "spend", "opt_in", "signup", "<script>alert(1)</script>"];
        for (var i = 0; i < types.Length; i++)
            dataset.Columns.Add(new DatasetColumn { Ordinal = i, Name = names[i], StorageName = DatasetTableStore.StorageNameFor(i), Type = types[i] });
        return dataset;
    }

    [Fact]
    public async Task SaveNew_TypedRows_RoundTripExactly()
    {
        await using var store = await TempStore.CreateAsync();
        var workspaceId = await NewWorkspaceAsync(store);
        var signup = new DateTimeOffset(2025, 3, 4, 18, 22, 5, TimeSpan.FromHours(2));
        object?[][] rows =
        [
            ["C1", 34L, 12.5, true, signup, "gold"],
            ["C2", null, double.NaN, false, null, null],
        ];

        var saved = await store.Datasets.SaveNewAsync(NewDataset(workspaceId), (writer, _) =>
        {
            foreach (var row in rows) writer.Write(row);
        }, CancellationToken.None);

        Assert.Equal(2, saved.RowCount);
        var loaded = await store.Datasets.FindAsync(saved.Id);
        Assert.NotNull(loaded);
        Assert.Equal("<script>alert(1)</script>", loaded.Columns.Single(c => c.Ordinal == 5).Name);
        var back = await store.Tables.ReadPageAsync(loaded.TableName, loaded.Columns.OrderBy(c => c.Ordinal).ToList(), 0, 10);
        Assert.Equal(["C1", 34L, 12.5, true, signup.ToUniversalTime(), "gold"], back[0]);
        Assert.Equal(["C2", null, null, false, null, null], back[1]);
    }

    [Fact]
    public async Task SaveNew_FailsHalfway_LeavesNoTableAndNoMetadata()
    {
        await using var store = await TempStore.CreateAsync();
        var workspaceId = await NewWorkspaceAsync(store);
        var tablesBefore = await store.ScalarAsync("SELECT count(*) FROM sqlite_master WHERE type='table' AND name LIKE 'ds_%'");

        await Assert.ThrowsAsync<InvalidDataException>(() => store.Datasets.SaveNewAsync(NewDataset(workspaceId), (writer, _) =>
        {
            for (var i = 0; i < 1000; i++) writer.Write(["C" + i, (long)i, 1.0, true, null, "x"]);
            throw new InvalidDataException("line 1001 is broken");
        }, CancellationToken.None));

        Assert.Equal(tablesBefore, await store.ScalarAsync("SELECT count(*) FROM sqlite_master WHERE type='table' AND name LIKE 'ds_%'"));
        await using var context = await store.Contexts.CreateDbContextAsync();
        Assert.Equal(0, await context.Datasets.CountAsync());
        Assert.Equal(0, await context.DatasetColumns.CountAsync());
    }

    [Fact]
    public async Task SaveNew_Cancelled_LeavesNothing()
    {
        await using var store = await TempStore.CreateAsync();
        var workspaceId = await NewWorkspaceAsync(store);
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.Datasets.SaveNewAsync(NewDataset(workspaceId), (writer, token) =>
        {
            for (var i = 0; i < 100; i++)
            {
                if (i == 50) cancel.Cancel();
                token.ThrowIfCancellationRequested();
                writer.Write(["C" + i, (long)i, 1.0, true, null, "x"]);
            }
        }, cancel.Token));

        await using var context = await store.Contexts.CreateDbContextAsync();
        Assert.Equal(0, await context.Datasets.CountAsync());
        Assert.Equal(0, await store.ScalarAsync("SELECT count(*) FROM sqlite_master WHERE type='table' AND name LIKE 'ds_%'"));
    }
}
