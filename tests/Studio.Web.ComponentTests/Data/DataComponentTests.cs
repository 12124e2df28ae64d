using Bunit;
using Studio.Analysis.Ingest;
using Studio.Core.Datasets;
using Studio.Web.Components.Pages.Data;
using Studio.Web.Components.Pages.Data.Profile;
using Studio.Web.Components.Pages.Data.Recipes;

namespace Studio.Web.ComponentTests.Data;

public sealed class DataComponentTests : DataTestContext
{
    private const string Csv = "order_id,amount,segment,<script>alert(1)</script>\n1,10,a,x\n2,,b,y\n2,,b,y\n3,40,,z\n4,100,a,w\n";

    [Fact]
    public async Task ImportConfirm_TypeChanged_ReportsOverrideAndShowsMarkupAsText()
    {
        var preview = await SniffAsync("orders.csv", Csv);
        IReadOnlyList<ColumnOverride>? reported = null;
        var cut = Render<ImportConfirm>(p => p.Add(c => c.Preview, preview).Add(c => c.OverridesChanged, o => reported = o));

        Assert.Equal("Identifier", cut.Find("[data-testid=type-0]").GetAttribute("value"));
        Assert.Equal("Integer", cut.Find("[data-testid=type-1]").GetAttribute("value"));
        Assert.Empty(cut.FindAll("script"));
        Assert.Contains("<script>alert(1)</script>", cut.Find("[data-testid=confirm-table] thead").TextContent, StringComparison.Ordinal);
        Assert.Equal(5, cut.FindAll("[data-testid=confirm-table] tbody tr").Count);

        cut.Find("[data-testid=type-1]").Change("Decimal");
        Assert.Equal([new ColumnOverride("amount", ColumnType.Decimal)], reported);
        Assert.Contains("changed from Integer", cut.Find("[data-testid=confirm-table] thead").TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=type-1]").Change("Integer");
        Assert.Empty(reported!);
    }

    [Fact]
    public async Task ProfilePanel_SmallDataset_ShowsSummaryAndColumnNumbers()
    {
        var dataset = await ImportAsync("orders.csv", Csv);
        var cut = Render<ProfilePanel>(p => p.Add(c => c.Dataset, dataset));
        // Profiling runs inside OnParametersSetAsync; under heavy machine load (load average 45 on 2 cores seen) it took over bUnit's default 1 s.
        cut.WaitForElement("[data-testid=profile-table]", TimeSpan.FromSeconds(30));
        Assert.Equal("1", cut.Find("[data-testid=duplicate-rows]").TextContent.Trim());
        var amount = cut.Find("[data-testid=profile-row-1]").TextContent;
        Assert.Contains("amount", amount, StringComparison.Ordinal);
        Assert.Contains("40", amount, StringComparison.Ordinal); // median of 10, 40, 100
        Assert.Contains("100", amount, StringComparison.Ordinal);
        Assert.Contains("IQR fences", cut.Find("[data-testid=outlier-text]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(cut.FindAll("[data-testid=profile-warnings] .mud-alert"));
    }

    [Fact]
    public async Task RecipePanel_AddStepsAndPreview_ShowsEffectWithoutStoring()
    {
        var dataset = await ImportAsync("orders.csv", Csv);
        var cut = Render<RecipePanel>(p => p.Add(c => c.Dataset, dataset));
        cut.Find("[data-testid=step-kind]").Change("Impute");
        cut.Find("[data-testid=step-column]").Change("amount");
        cut.Find("[data-testid=step-method]").Change("Median");
        cut.Find("[data-testid=save-step]").Click();
        cut.Find("[data-testid=step-kind]").Change("DropDuplicates");
        cut.Find("[data-testid=save-step]").Click();
        Assert.Equal(2, cut.FindAll("[data-testid=recipe-step]").Count);
        Assert.Contains("\"kind\":\"dropDuplicates\"", cut.Find("[data-testid=recipe-json]").GetAttribute("value") ?? "", StringComparison.Ordinal);

        cut.Find("[data-testid=preview-recipe]").Click();
        cut.WaitForState(() => cut.FindAll("[data-testid=step-preview]").Count == 2);
        var previews = cut.FindAll("[data-testid=step-preview]");
        Assert.Contains("5 → 5 rows", previews[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("filled with 40", previews[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("5 → 4 rows", previews[1].TextContent, StringComparison.Ordinal);
        Assert.Single(await Datasets.ListAsync(dataset.WorkspaceId));

        cut.FindAll("[data-testid=remove-step]")[0].Click();
        Assert.Single(cut.FindAll("[data-testid=recipe-step]"));
        Assert.Empty(cut.FindAll("[data-testid=step-preview]"));
    }

    [Fact]
    public async Task RecipePanel_InvalidStep_ExplainsBeforeAdding()
    {
        var dataset = await ImportAsync("orders.csv", Csv);
        var cut = Render<RecipePanel>(p => p.Add(c => c.Dataset, dataset));
        cut.Find("[data-testid=step-kind]").Change("Filter");
        cut.Find("[data-testid=step-column]").Change("amount");
        cut.Find("[data-testid=save-step]").Click();
        Assert.Contains("value to compare", cut.Find("[data-testid=step-error]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=recipe-step]"));
    }
}
