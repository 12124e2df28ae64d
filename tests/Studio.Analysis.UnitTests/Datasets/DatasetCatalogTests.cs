using Studio.Analysis.Recipes;
using Studio.Data.Datasets;
using Studio.Data.Segments;

namespace Studio.Analysis.UnitTests.Datasets;

public sealed class DatasetCatalogTests : StudioTestBase
{
    private DatasetCatalog Catalog => Studio.Get<DatasetCatalog>();

    private async Task<(Dataset V1, Dataset V2)> ImportWithVersionAsync(string name = "customers.csv")
    {
        var v1 = (await Studio.ImportAsync(Studio.WriteFile(name, "customer_id,amount\nC1,10\nC2,\nC3,30\n"))).Dataset;
        var v2 = await Studio.Get<RecipeService>().ApplyAsync(v1.Id, new Recipe([new ImputeStep("amount", ImputeMethod.Median)]));
        return (v1, v2);
    }

    [Fact]
    public async Task Rename_Dataset_EveryVersionTakesTheName()
    {
        var (v1, v2) = await ImportWithVersionAsync();
        Assert.Equal(2, await Catalog.RenameAsync(v2.Id, "  vip customers "));
        Assert.Equal(["vip customers", "vip customers"], new[] { (await Studio.Repository.FindAsync(v1.Id))!.Name, (await Studio.Repository.FindAsync(v2.Id))!.Name });
        Assert.Null(await Catalog.RenameAsync(9999, "x"));
    }

    [Theory]
    [InlineData("   ", "A dataset needs a name.")]
    [InlineData("other", "The workspace already has a dataset named \"other\".")]
    public async Task Rename_BlankOrTakenName_RefusedNamingTheField(string name, string message)
    {
        var (v1, _) = await ImportWithVersionAsync();
        await Studio.ImportAsync(Studio.WriteFile("other.csv", "a\n1\n"));
        var refused = await Assert.ThrowsAsync<DatasetChangeException>(() => Catalog.RenameAsync(v1.Id, name));
        Assert.Equal(("name", message), (refused.Field, refused.Message));
        Assert.Equal("customers", (await Studio.Repository.FindAsync(v1.Id))!.Name);
    }

    [Fact]
    public async Task Delete_WithDependentsUnconfirmed_RefusedWithTheListAndNothingDeleted()
    {
        var (v1, v2) = await ImportWithVersionAsync();
        await Studio.Get<SegmentStore>().CreateFromMembersAsync(Studio.WorkspaceId, "big spenders", SegmentSource.Import, "{}", v2.Id, ["C1", "C3"], default);
        var before = await Studio.CountStoredAsync();

        var refused = await Assert.ThrowsAsync<DatasetChangeException>(() => Catalog.DeleteAsync(v1.Id, cascade: false));

        Assert.Equal("cascade", refused.Field);
        Assert.Contains("1 later version (customers v2)", refused.Message, StringComparison.Ordinal);
        Assert.Contains("1 segment (big spenders)", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Studio.CountStoredAsync());
    }

    [Fact]
    public async Task Delete_CascadeConfirmed_VersionsSegmentsAndRowTablesGone()
    {
        var (v1, v2) = await ImportWithVersionAsync();
        await Studio.Get<SegmentStore>().CreateFromMembersAsync(Studio.WorkspaceId, "big spenders", SegmentSource.Import, "{}", v2.Id, ["C1"], default);
        await Studio.ImportAsync(Studio.WriteFile("other.csv", "a\n1\n"));

        var deleted = await Catalog.DeleteAsync(v1.Id, cascade: true);

        Assert.Equal(["customers v2"], deleted!.Versions);
        Assert.Equal(["big spenders"], deleted.Segments);
        Assert.Null(await Studio.Repository.FindAsync(v1.Id));
        Assert.Null(await Studio.Repository.FindAsync(v2.Id));
        Assert.Empty(await Studio.Get<SegmentStore>().ListAsync(Studio.WorkspaceId));
        Assert.Equal((1L, 1L, 1L), await Studio.CountStoredAsync()); // only "other" is left, with its one column and row table
    }

    [Fact]
    public async Task Delete_LatestVersionWithoutDependents_OnlyThatVersionGoes()
    {
        var (v1, v2) = await ImportWithVersionAsync();
        var deleted = await Catalog.DeleteAsync(v2.Id, cascade: false);
        Assert.False(deleted!.Any);
        Assert.NotNull(await Studio.Repository.FindAsync(v1.Id));
        Assert.Null(await Studio.Repository.FindAsync(v2.Id));
    }
}
