using Bunit;
using Studio.Web.Components.Pages.Models;

namespace Studio.Web.ComponentTests.Models;

public sealed class NewRunPageTests : StudioTestContext
{
    // The page takes input only when interactive, as in the app (InteractiveServer after the prerender).
    public NewRunPageTests() => Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));

    private async Task SeedCustomersAsync()
    {
        var workspaceId = await CreateWorkspaceAsync();
        await ImportCsvAsync(workspaceId, Path.Combine(RepositoryRoot(), "sample-datasets", "retail-demo", "customers.csv"), "customers");
    }

    [Fact]
    public async Task Form_DemoCustomers_DefaultsValidAndTargetPreselected()
    {
        await SeedCustomersAsync();

        var cut = Render<NewRunPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=training-form]")));
        Assert.Empty(cut.FindAll("[data-testid=spec-problems]"));
        Assert.False(cut.Find("[data-testid=start-training]").HasAttribute("disabled"));
        Assert.Contains("purchased_next_30d on customers", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("region · categorical", cut.Find("[data-testid=feature-kinds]").TextContent, StringComparison.Ordinal);
        Assert.Contains("age · numeric", cut.Find("[data-testid=feature-kinds]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("customer_id", cut.Find("[data-testid=feature-kinds]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_CategoricalColumnSwitchedToNumeric_ExplainsAndBlocksStart()
    {
        await SeedCustomersAsync();
        var cut = Render<NewRunPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=kind-region]")));

        cut.Find("[data-testid=kind-region]").Click();

        var problems = cut.WaitForElement("[data-testid=spec-problems]");
        Assert.Contains("\"region\" is categorical and cannot be used as a numeric feature.", problems.TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=start-training]").HasAttribute("disabled"));

        cut.Find("[data-testid=kind-region]").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=spec-problems]")));
    }

    [Fact]
    public async Task Form_RatiosDoNotSumToOne_ExplainsTheSum()
    {
        await SeedCustomersAsync();
        var cut = Render<NewRunPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=training-form]")));

        cut.Find("[data-testid=train-ratio] input, input[data-testid=train-ratio]").Change("0.5");

        var problems = cut.WaitForElement("[data-testid=spec-problems]");
        Assert.Contains("Split ratios must sum to 1 (they sum to 0.8).", problems.TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=start-training]").HasAttribute("disabled"));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Studio.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Studio.sln not found");
    }
}
