using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Studio.E2E;

[Collection(StudioAppCollection.Name)]
public sealed partial class ShellTests(StudioAppFixture app)
{
    private static readonly string[] DemoDatasets = ["customers", "products", "events", "offers", "experiments"];

    [Fact]
    public async Task DataSection_FirstStart_ListsDemoWorkspaceAndItsDatasets()
    {
        var page = await app.OpenAsync("data");
        await page.WaitForSelectorAsync("[data-testid=datasets-table]", new() { Timeout = 120_000 });
        // The demo import runs as a job; wait until every dataset is listed.
        // Other browser tests may add datasets to the same app; every demo dataset must be listed.
        foreach (var name in DemoDatasets)
            await Assertions.Expect(page.Locator("[data-testid=datasets-table] tbody")).ToContainTextAsync(name, new() { Timeout = 120_000 });
        var table = await page.InnerTextAsync("[data-testid=datasets-table]");
        foreach (var name in DemoDatasets) Assert.Contains(name, table, StringComparison.Ordinal);
        Assert.Contains("Retail demo", await page.InnerTextAsync("header"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(StudioAppFixture.ScreenshotDir, "data.png"), FullPage = true });

        await page.ClickAsync("[data-testid=datasets-table] >> text=customers >> nth=0");
        await page.WaitForSelectorAsync("[data-testid=preview-table]");
        Assert.Equal("customers", await page.InnerTextAsync("[data-testid=dataset-name]"));
        Assert.True(await page.Locator("[data-testid=preview-table] tbody tr").CountAsync() > 10);
    }

    [Theory]
    [InlineData("", "Overview")]
    [InlineData("data", "Data")]
    [InlineData("models", "Models")]
    [InlineData("projections", "Projections")]
    [InlineData("segments", "Segments")]
    [InlineData("experiments", "Experiments")]
    [InlineData("reports", "Reports")]
    [InlineData("jobs", "Jobs")]
    [InlineData("audit", "Audit log")]
    public async Task Navigation_EverySection_OpensWithStyledLayout(string path, string navText)
    {
        var page = await app.OpenAsync("");
        await page.ClickAsync($"[data-testid=nav] >> text={navText}");
        await page.WaitForURLAsync(new Regex(Regex.Escape(app.BaseUrl + "/" + path) + "$"));
        // MudBlazor's stylesheet is loaded: the app bar is positioned by it.
        var position = await page.EvalOnSelectorAsync<string>("header.mud-appbar", "e => getComputedStyle(e).position");
        Assert.Equal("fixed", position);
        var heading = await page.InnerTextAsync("h4, h1");
        Assert.False(string.IsNullOrWhiteSpace(heading));
        await page.ScreenshotAsync(new() { Path = Path.Combine(StudioAppFixture.ScreenshotDir, $"section-{(path.Length == 0 ? "overview" : path)}.png") });
        Assert.Empty(app.CspViolations);
    }

    [Fact]
    public async Task ThemeToggle_Clicked_SwitchesToDarkPalette()
    {
        var page = await app.OpenAsync("");
        var before = await BackgroundOf(page);
        await page.ClickAsync("[data-testid=theme-toggle]");
        await page.WaitForFunctionAsync($"() => getComputedStyle(document.body).backgroundColor !== '{before}'");
        var after = await BackgroundOf(page);
        Assert.NotEqual(before, after);
        await page.ScreenshotAsync(new() { Path = Path.Combine(StudioAppFixture.ScreenshotDir, "overview-dark.png") });
    }

    private static Task<string> BackgroundOf(IPage page) =>
        page.EvalOnSelectorAsync<string>("body", "e => getComputedStyle(e).backgroundColor");
}
