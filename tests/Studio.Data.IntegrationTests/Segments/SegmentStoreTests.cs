using Microsoft.EntityFrameworkCore;
using Studio.Core.Datasets;
using Studio.Data.Datasets;
using Studio.Data.Segments;
using Studio.Data.Workspaces;

namespace Studio.Data.IntegrationTests.Segments;

public sealed class SegmentStoreTests
{
    private static async Task<(int WorkspaceId, int DatasetId)> SeedAsync(TempStore store, int customers = 50)
    {
        int workspaceId;
        await using (var context = await store.Contexts.CreateDbContextAsync())
        {
            var workspace = new Workspace { Name = "ws-" + Guid.NewGuid().ToString("N")[..6], CreatedAt = DateTimeOffset.UtcNow };
            context.Workspaces.Add(workspace);
            await context.SaveChangesAsync();
            workspaceId = workspace.Id;
        }
        var dataset = new Dataset { WorkspaceId = workspaceId, Name = "customers", Role = DatasetRole.Customers, TableName = DatasetTableStore.NewTableName() };
        dataset.Columns.Add(new DatasetColumn { Ordinal = 0, Name = "customer_id", StorageName = "c0", Type = ColumnType.Identifier });
        dataset.Columns.Add(new DatasetColumn { Ordinal = 1, Name = "age", StorageName = "c1", Type = ColumnType.Integer });
        var saved = await store.Datasets.SaveNewAsync(dataset, (writer, _) =>
        {
            for (var i = 0; i < customers; i++) writer.Write(["C" + i, (long)(20 + i)]);
        }, CancellationToken.None);
        return (workspaceId, saved.Id);
    }

    [Fact]
    public async Task CreateFromMembers_ValidKeys_StoresSegmentAndDistinctMembers()
    {
        await using var store = await TempStore.CreateAsync();
        var (workspaceId, datasetId) = await SeedAsync(store);
        var segments = store.Get<SegmentStore>();

        var id = await segments.CreateFromMembersAsync(workspaceId, "  Young  ", SegmentSource.Selection, "{\"lasso\":true}", datasetId,
            ["C3", "C1", "C2", "C1"], CancellationToken.None);

        var segment = await segments.FindAsync(id);
        Assert.NotNull(segment);
        Assert.Equal("Young", segment.Name);
        Assert.Equal(3, segment.MemberCount);
        Assert.Equal(SegmentSource.Selection, segment.Source);
        Assert.Equal(["C1", "C2", "C3"], await segments.ReadMemberKeysAsync(id));
        Assert.Single(await segments.ListAsync(workspaceId));
    }

    [Fact]
    public async Task CreateMany_AllValid_StoresEachInOrderWithItsMembers()
    {
        await using var store = await TempStore.CreateAsync();
        var (workspaceId, datasetId) = await SeedAsync(store);
        var segments = store.Get<SegmentStore>();

        var ids = await segments.CreateManyFromMembersAsync(workspaceId, SegmentSource.KMeans, datasetId,
            [new NewSegment("Cluster 1", "{}", ["C1", "C2"]), new NewSegment("Cluster 2", "{}", ["C3"]), new NewSegment("Cluster 3", "{}", ["C4", "C5", "C4"])],
            CancellationToken.None);

        Assert.Equal(3, ids.Count);
        Assert.Equal(["Cluster 1", "Cluster 2", "Cluster 3"], [.. await Task.WhenAll(ids.Select(async id => (await segments.FindAsync(id))!.Name))]);
        Assert.Equal(["C4", "C5"], await segments.ReadMemberKeysAsync(ids[2]));
    }

    [Theory]
    [InlineData("C999", "1 key(s) are not in dataset 'customers'")]
    [InlineData(null, "A segment named 'cluster 1' already exists")]
    public async Task CreateMany_OneBadSegment_NoneStored(string? badKey, string expected)
    {
        await using var store = await TempStore.CreateAsync();
        var (workspaceId, datasetId) = await SeedAsync(store);
        var segments = store.Get<SegmentStore>();
        // The third segment is bad: an unknown key, or a name that repeats the first.
        var third = badKey is null ? new NewSegment("cluster 1", "{}", ["C7"]) : new NewSegment("Cluster 3", "{}", ["C7", badKey]);

        var error = await Assert.ThrowsAsync<SegmentValidationException>(() => segments.CreateManyFromMembersAsync(workspaceId, SegmentSource.KMeans,
            datasetId, [new NewSegment("Cluster 1", "{}", ["C1"]), new NewSegment("Cluster 2", "{}", ["C2"]), third], CancellationToken.None));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Empty(await segments.ListAsync(workspaceId));
        Assert.Equal(0, await store.ScalarAsync("SELECT count(*) FROM SegmentMembers"));
    }

    [Theory]
    [InlineData("", "needs a name")]
    [InlineData("   ", "needs a name")]
    public async Task CreateFromMembers_EmptyName_Refused(string name, string expected)
    {
        await using var store = await TempStore.CreateAsync();
        var (workspaceId, datasetId) = await SeedAsync(store);
        var error = await Assert.ThrowsAsync<SegmentValidationException>(() => store.Get<SegmentStore>()
            .CreateFromMembersAsync(workspaceId, name, SegmentSource.Rule, "{}", datasetId, ["C1"], CancellationToken.None));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateFromMembers_DuplicateNameAnyCase_Refused()
    {
        await using var store = await TempStore.CreateAsync();
        var (workspaceId, datasetId) = await SeedAsync(store);
        var segments = store.Get<SegmentStore>();
        await segments.CreateFromMembersAsync(workspaceId, "Loyal", SegmentSource.Rule, "{}", datasetId, ["C1"], CancellationToken.None);

        var error = await Assert.ThrowsAsync<SegmentValidationException>(() =>
            segments.CreateFromMembersAsync(workspaceId, "loyal", SegmentSource.Rule, "{}", datasetId, ["C2"], CancellationToken.None));
        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
        Assert.Single(await segments.ListAsync(workspaceId));
    }

    [Fact]
    public async Task CreateFromMembers_UnknownKeys_RefusedAndNothingWritten()
    {
        await using var store = await TempStore.CreateAsync();
        var (workspaceId, datasetId) = await SeedAsync(store);
        var segments = store.Get<SegmentStore>();

        var error = await Assert.ThrowsAsync<SegmentValidationException>(() => segments.CreateFromMembersAsync(
            workspaceId, "Ghosts", SegmentSource.Import, "{}", datasetId, ["C1", "X9", "X8"], CancellationToken.None));

        Assert.Contains("2 key(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("'X9'", error.Message, StringComparison.Ordinal);
        Assert.Empty(await segments.ListAsync(workspaceId));
        Assert.Equal(0, await store.ScalarAsync("SELECT count(*) FROM SegmentMembers"));
    }

    [Fact]
    public async Task CreateFromMembers_DatasetOfAnotherWorkspace_Refused()
    {
        await using var store = await TempStore.CreateAsync();
        var (_, datasetId) = await SeedAsync(store);
        var (otherWorkspace, _) = await SeedAsync(store);
        var error = await Assert.ThrowsAsync<SegmentValidationException>(() => store.Get<SegmentStore>()
            .CreateFromMembersAsync(otherWorkspace, "S", SegmentSource.Rule, "{}", datasetId, ["C1"], CancellationToken.None));
        Assert.Contains($"Dataset #{datasetId} is not in workspace", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateFromMembers_Cancelled_LeavesNothing()
    {
        await using var store = await TempStore.CreateAsync();
        var (workspaceId, datasetId) = await SeedAsync(store, customers: 40_000);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.Get<SegmentStore>().CreateFromMembersAsync(
            workspaceId, "All", SegmentSource.Rule, "{}", datasetId, [.. Enumerable.Range(0, 40_000).Select(i => "C" + i)], cancel.Token));
        Assert.Equal(0, await store.ScalarAsync("SELECT count(*) FROM Segments"));
        Assert.Equal(0, await store.ScalarAsync("SELECT count(*) FROM SegmentMembers"));
    }

    [Fact]
    public async Task ExportLog_TwoExports_ListedNewestFirstWithColumns()
    {
        await using var store = await TempStore.CreateAsync();
        var (workspaceId, datasetId) = await SeedAsync(store);
        var segments = store.Get<SegmentStore>();
        var id = await segments.CreateFromMembersAsync(workspaceId, "S", SegmentSource.Rule, "{}", datasetId, ["C1", "C2"], CancellationToken.None);

        await segments.LogExportAsync(id, SegmentExportFormat.Csv, 2, ["customer_id"]);
        await segments.LogExportAsync(id, SegmentExportFormat.Xlsx, 2, ["customer_id", "age"]);

        var log = await segments.ListExportsAsync(id);
        Assert.Equal(2, log.Count);
        Assert.Equal(SegmentExportFormat.Xlsx, log[0].Format);
        Assert.Equal(["customer_id", "age"], log[0].Columns);
        Assert.Equal(2, log[1].RowCount);
    }

    [Fact]
    public async Task Delete_RemovesSegmentMembersAndLog()
    {
        await using var store = await TempStore.CreateAsync();
        var (workspaceId, datasetId) = await SeedAsync(store);
        var segments = store.Get<SegmentStore>();
        var id = await segments.CreateFromMembersAsync(workspaceId, "S", SegmentSource.Rule, "{}", datasetId, ["C1", "C2"], CancellationToken.None);
        await segments.LogExportAsync(id, SegmentExportFormat.Csv, 2, ["customer_id"]);

        Assert.True(await segments.DeleteAsync(id));
        Assert.False(await segments.DeleteAsync(id));
        await using var context = await store.Contexts.CreateDbContextAsync();
        Assert.Equal(0, await context.SegmentMembers.CountAsync());
        Assert.Equal(0, await context.SegmentExports.CountAsync());
    }
}
