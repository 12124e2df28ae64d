using Studio.Analysis.Joins;
using Studio.Analysis.Recipes;
using Studio.Core.Datasets;
using Studio.Data.Datasets;

namespace Studio.Analysis.UnitTests.Recipes;

public sealed class RecipeServiceTests : StudioTestBase
{
    private const string Csv = "id,amount,segment\n1,10,a\n2,,b\n2,,b\n3,40,\n4,100,a\n";

    private RecipeService Recipes => Studio.Get<RecipeService>();

    private async Task<Dataset> ImportAsync(string name = "orders.csv", string csv = Csv, DatasetRole role = DatasetRole.Table) =>
        (await Studio.Importer.ImportWithReportAsync(Studio.Request(Studio.WriteFile(name, csv), role), null, CancellationToken.None)).Dataset;

    private static readonly Recipe ImputeAndDedupe = new([new DropDuplicatesStep(), new ImputeStep("amount", ImputeMethod.Median)]);

    [Fact]
    public async Task Apply_ImputeAndDedupe_WritesNextVersionAndKeepsSource()
    {
        var source = await ImportAsync();
        var applied = await Recipes.ApplyAsync(source.Id, ImputeAndDedupe);
        Assert.Equal(2, applied.Version);
        Assert.Equal(source.Id, applied.ParentId);
        Assert.Equal(4, applied.RowCount);
        var rows = await Studio.ReadRowsAsync((await Studio.Repository.FindAsync(applied.Id))!);
        // median of 10, 40, 100 = 40
        Assert.Equal([10L, 40L, 40L, 100L], rows.Select(r => r[1]));
        Assert.Equal(0, applied.Columns.Single(c => c.Name == "amount").MissingCount);
        var derivation = RecipeService.ReadDerivation(applied.DerivationJson)!;
        Assert.Equal(source.Id, derivation.SourceDatasetId);
        Assert.Equal(2, derivation.Recipe.Steps.Count);
        Assert.Equal(5, (await Studio.ReadRowsAsync(source)).Count);
    }

    [Fact]
    public async Task Preview_EachStep_CountsAndSamplesBeforeApply()
    {
        var source = await ImportAsync();
        var preview = await Recipes.PreviewAsync(source.Id, ImputeAndDedupe);
        Assert.Null(preview.Error);
        Assert.Equal((5L, 4L, 1L), (preview.Steps[0].RowsBefore, preview.Steps[0].RowsAfter, preview.Steps[0].RowsAffected));
        Assert.Equal(3, preview.Steps[0].Samples.Single().RowNumber);
        Assert.Equal(1, preview.Steps[1].ValuesAffected);
        Assert.Equal(40L, preview.Steps[1].Samples.Single().After![1]);
        Assert.Equal(1, (await Studio.CountStoredAsync()).Datasets);
    }

    [Fact]
    public async Task Apply_FailingStep_LeavesNoNewVersion()
    {
        var source = await ImportAsync();
        var before = await Studio.CountStoredAsync();
        var bad = new Recipe([new DropDuplicatesStep(), new ImputeStep("segment", ImputeMethod.Median)]);
        var e = await Assert.ThrowsAsync<RecipeException>(() => Recipes.ApplyAsync(source.Id, bad));
        Assert.StartsWith("Step 2 (", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Studio.CountStoredAsync());
        var preview = await Recipes.PreviewAsync(source.Id, bad);
        Assert.Single(preview.Steps);
        Assert.Contains("numeric", preview.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_CancelledWhileWriting_LeavesNoNewVersion()
    {
        var source = await ImportAsync();
        var before = await Studio.CountStoredAsync();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Recipes.ApplyAsync(source.Id, ImputeAndDedupe, cancel.Token));
        Assert.Equal(before, await Studio.CountStoredAsync());
    }

    [Fact]
    public async Task Replay_FromEarlierVersion_BranchesAndLineageListsAll()
    {
        var v1 = await ImportAsync();
        var v2 = await Recipes.ApplyAsync(v1.Id, new Recipe([new DropDuplicatesStep()]));
        var v3 = await Recipes.ApplyAsync(v2.Id, new Recipe([new FilterRowsStep("amount", FilterOperator.GreaterThan, "20")]));
        var v4 = await Recipes.ApplyAsync(v1.Id, ImputeAndDedupe); // "undo": continue from v1
        Assert.Equal((2, 3, 4), (v2.Version, v3.Version, v4.Version));
        Assert.Equal(2, v3.RowCount);
        Assert.Equal(v1.Id, v4.ParentId);
        var lineage = await Recipes.LineageAsync(v3.Id);
        Assert.Equal([v1.Id, v2.Id, v3.Id, v4.Id], lineage.Select(l => l.DatasetId));
        Assert.Null(lineage[0].Derivation);
        Assert.Equal("Drop duplicate rows", lineage[1].Derivation!.Recipe.Steps[0].Describe());

        var other = await ImportAsync("orders-march.csv", "id,amount,segment\n7,,x\n8,5,y\n8,5,y\n");
        var replayed = await Recipes.ApplyAsync(other.Id, ImputeAndDedupe);
        Assert.Equal([5L, 5L], (await Studio.ReadRowsAsync((await Studio.Repository.FindAsync(replayed.Id))!)).Select(r => r[1]));
    }

    [Fact]
    public async Task JoinChecker_EventsWithUnknownKeys_CountsOrphans()
    {
        await ImportAsync("customers.csv", "customer_id,age\nC1,30\nC2,40\n", DatasetRole.Customers);
        await ImportAsync("products.csv", "product_id,price\nP1,9.5\n", DatasetRole.Products);
        await ImportAsync("events.csv", "customer_id,product_id,ts\nC1,P1,2025-01-01T00:00:00Z\nC3,P1,2025-01-01T00:00:00Z\nC3,P2,2025-01-02T00:00:00Z\n,P1,2025-01-02T00:00:00Z\n",
            DatasetRole.Events);
        var checks = await Studio.Get<JoinChecker>().CheckAsync(Studio.WorkspaceId);
        var customers = checks.Single(c => c.Relation == "events → customers");
        Assert.Equal((4L, 1L, 2L, 1L), (customers.Rows, customers.MissingKeys, customers.OrphanRows, customers.OrphanKeys));
        Assert.Equal(["C3"], customers.SampleOrphans);
        var products = checks.Single(c => c.Relation == "events → products");
        Assert.Equal((1L, 1L), (products.OrphanRows, products.OrphanKeys));
    }
}
