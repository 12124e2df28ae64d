using System.Text.Json;
using Studio.Analysis.Artifacts;
using Studio.Analysis.Profiling;
using Studio.Core.Datasets;

namespace Studio.Analysis.UnitTests.Profiling;

public sealed class ProfileCacheTests : StudioTestBase
{
    [Fact]
    public async Task ProfileCache_AfterRestart_ReadsSavedProfileWithoutRecomputing()
    {
        var path = Studio.WriteFile("orders.csv", "order_id,amount,segment\n1,10,a\n2,20,b\n3,,a\n4,400,a\n");
        var dataset = (await Studio.ImportAsync(path)).Dataset;
        var computed = (await Studio.Get<ProfileCache>().GetAsync(dataset.Id))!;
        Assert.True(File.Exists(Studio.Get<DatasetArtifacts>().PathOf(dataset.Id, ProfileCache.ArtifactName)));

        // A new cache is what a restarted process has; with the rows gone it can only answer from the saved file.
        await Studio.Tables.DropTableAsync(dataset.TableName);
        var restarted = new ProfileCache(Studio.Repository, Studio.Profiler, Studio.Get<DatasetArtifacts>());
        Assert.Null(restarted.Cached(dataset.Id));
        var loaded = await restarted.StoredAsync(dataset.Id);

        Assert.NotNull(loaded);
        Assert.Equal(JsonSerializer.Serialize(computed), JsonSerializer.Serialize(loaded));
        var amount = loaded.Columns.Single(c => c.Name == "amount");
        Assert.Equal(1, amount.MissingCount);
        Assert.Equal(400, amount.Numeric!.Max);
        Assert.Equal(amount.Histogram!.Counts.Sum(), amount.PresentCount);
        Assert.Same(loaded, await restarted.GetAsync(dataset.Id));
    }

    [Fact]
    public async Task ProfileCache_NotProfiledYet_StoredIsNull()
    {
        var path = Studio.WriteFile("orders.csv", "order_id,amount\n1,10\n2,20\n");
        var dataset = (await Studio.ImportAsync(path)).Dataset;
        Assert.Null(await Studio.Get<ProfileCache>().StoredAsync(dataset.Id));
        Assert.Equal(ColumnType.Integer, (await Studio.Get<ProfileCache>().GetAsync(dataset.Id))!.Columns[1].Type);
    }
}
