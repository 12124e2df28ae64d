using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Studio.Analysis.Recipes;
using Studio.Data.Accounts;
using Studio.Web.Components.Pages.Data;

namespace Studio.Web.ComponentTests.Data;

public sealed class DatasetManagePanelTests : DataTestContext
{
    private const string Csv = "customer_id,spend\nC1,10\nC2,\nC3,30\n";

    [Fact]
    public async Task ManagePanel_Rename_AllVersionsRenamedAndTakenNameShowsError()
    {
        var dataset = await ImportAsync("people.csv", Csv);
        await ImportAsync("other.csv", Csv);
        var renamed = 0;
        var cut = Render<DatasetManagePanel>(p => p.Add(c => c.Dataset, dataset).Add(c => c.Renamed, () => renamed++));

        cut.Find("[data-testid=rename-name] input, input[data-testid=rename-name]").Change("other");
        cut.Find("[data-testid=rename-button]").Click();
        cut.WaitForElement("[data-testid=rename-error]");
        Assert.Contains("already has a dataset named \"other\"", cut.Find("[data-testid=rename-error]").TextContent, StringComparison.Ordinal);
        Assert.Equal(0, renamed);

        cut.Find("[data-testid=rename-name] input, input[data-testid=rename-name]").Change("customers 2026");
        cut.Find("[data-testid=rename-button]").Click();
        cut.WaitForAssertion(() => Assert.Equal(1, renamed));
        Assert.Equal("customers 2026", (await Datasets.FindAsync(dataset.Id))!.Name);
    }

    [Fact]
    public async Task ManagePanel_Viewer_RenameAndDeleteDisabledAndNothingChanges()
    {
        var dataset = await ImportAsync("people.csv", Csv);
        SignInAs(StudioRoles.Viewer);
        var cut = Render<DatasetManagePanel>(p => p.Add(c => c.Dataset, dataset));

        Assert.True(cut.Find("[data-testid=rename-button]").HasAttribute("disabled"));
        Assert.True(cut.Find("[data-testid=delete-check]").HasAttribute("disabled"));
        cut.Find("[data-testid=rename-name] input, input[data-testid=rename-name]").Change("renamed by a viewer");
        cut.Find("[data-testid=rename-button]").Click();

        Assert.Equal("people", (await Datasets.FindAsync(dataset.Id))!.Name);
    }

    [Fact]
    public async Task ManagePanel_DeleteWithLaterVersion_ListsItAndNeedsTheCascadeBox()
    {
        var dataset = await ImportAsync("people.csv", Csv);
        await Services.GetRequiredService<RecipeService>().ApplyAsync(dataset.Id, new Recipe([new ImputeStep("spend", ImputeMethod.Median)]));
        var cut = Render<DatasetManagePanel>(p => p.Add(c => c.Dataset, dataset));

        cut.Find("[data-testid=delete-check]").Click();
        cut.WaitForElement("[data-testid=delete-dependents]");
        Assert.Contains("1 later version: people v2", cut.Find("[data-testid=delete-dependents]").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=delete-confirm]").HasAttribute("disabled"));

        cut.Find("[data-testid=delete-cascade] input, input[data-testid=delete-cascade]").Change(true);
        cut.Find("[data-testid=delete-confirm]").Click();
        cut.WaitForAssertion(() => Assert.EndsWith("/data", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
        Assert.Null(await Datasets.FindAsync(dataset.Id));
    }
}
