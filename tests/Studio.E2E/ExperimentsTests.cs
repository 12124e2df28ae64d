using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Studio.E2E;

[Collection(StudioAppCollection.Name)]
public sealed class ExperimentsTests(StudioAppFixture app)
{
    private static async Task<bool> WaitForAsync(IPage page, string selector, float timeout)
    {
        try
        {
            await page.WaitForSelectorAsync(selector, new() { Timeout = timeout });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static string Shot(string name) => Path.Combine(StudioAppFixture.ScreenshotDir, name);

    /// <summary>A two-arm log with a clear conversion lift (deterministic).</summary>
    private static string ExperimentLogCsv()
    {
        var csv = new StringBuilder("customer_id,variant,assigned_at,pre_period_spend,converted,revenue\n");
        var random = new Random(11);
        var start = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 2000; i++)
        {
            var variant = i % 2 == 0 ? "control" : "treatment";
            var converted = random.NextDouble() < (variant == "control" ? 0.20 : 0.28) ? 1 : 0;
            var revenue = converted == 1 ? Math.Round(20 + random.NextDouble() * 60, 2) : 0;
            csv.Append(CultureInfo.InvariantCulture,
                $"U{i:D5},{variant},{start.AddMinutes(i * 7):yyyy-MM-ddTHH:mm:ssZ},{Math.Round(random.NextDouble() * 100, 2)},{converted},{revenue}\n");
        }

        return csv.ToString();
    }

    [Fact]
    public async Task Experiment_UploadDefineReadShareRevoke_SharedLinkStopsWorking()
    {
        var page = await app.OpenAsync("data/upload");
        await page.WaitForSelectorAsync("[data-testid=choose-file]");
        var file = new FilePayload { Name = "e2e_experiment_log.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(ExperimentLogCsv()) };
        await page.Locator("[data-testid=file-input]").SetInputFilesAsync(file);
        if (!await WaitForAsync(page, "[data-testid=import-button]", 10_000))
        {
            // The change event can fire before the circuit attached its handler; choosing the file again is what a user would do.
            await page.Locator("[data-testid=file-input]").SetInputFilesAsync(file);
        }
        await page.ClickAsync("[data-testid=import-button]");
        await page.WaitForSelectorAsync("[data-testid=upload-done]", new() { Timeout = 120_000 });

        await page.GotoAsync(app.BaseUrl + "/experiments");
        await page.WaitForSelectorAsync("[data-testid=no-experiments], [data-testid=experiments-table]");
        await page.ClickAsync("[data-testid=new-experiment]");
        await page.WaitForSelectorAsync("[data-testid=new-experiment-form]");
        await page.Locator("input[data-testid=exp-name], [data-testid=exp-name] input").First.FillAsync("E2E checkout test");
        await page.Locator("input[data-testid=exp-question], [data-testid=exp-question] input").First.FillAsync("Does the treatment convert better?");
        await page.ClickAsync("[data-testid=exp-dataset]");
        await page.ClickAsync(".mud-popover-open >> text=e2e_experiment_log");
        await page.WaitForSelectorAsync("[data-testid=map-unit-id]");
        await page.ClickAsync("[data-testid=exp-save]");

        await page.WaitForSelectorAsync("[data-testid=comparisons-table]", new() { Timeout = 60_000 });
        Assert.Equal("E2E checkout test", (await page.InnerTextAsync("[data-testid=experiment-name]")).Trim());
        Assert.Equal(2, await page.Locator("[data-testid=comparison-row]").CountAsync());
        Assert.Equal(0, await page.Locator("[data-testid=srm-banner]").CountAsync());
        Assert.True(await page.Locator("[data-testid=decide-ship]").IsEnabledAsync());
        await page.WaitForSelectorAsync("[data-testid=forest-plot] .main-svg, .js-plotly-plot .main-svg", new() { Timeout = 30_000 });
        await page.WaitForTimeoutAsync(500);
        await page.ScreenshotAsync(new() { Path = Shot("experiment-readout-healthy.png"), FullPage = true });

        var experimentPath = new Uri(page.Url).AbsolutePath;
        var html = await (await page.APIRequest.GetAsync($"{app.BaseUrl}/api{experimentPath}/report.html")).TextAsync();
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex("(src|href)=\"(https?:)?//"), html);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        var csv = await (await page.APIRequest.GetAsync($"{app.BaseUrl}/api{experimentPath}/results.csv")).TextAsync();
        Assert.Equal(3, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        await page.ClickAsync("[data-testid=create-share-link]");
        var url = (await page.InnerTextAsync("[data-testid=share-url]")).Trim();
        Assert.Matches(new Regex("/share/[A-Za-z0-9_-]{43}$"), url);

        var stranger = await app.Browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var shared = await stranger.NewPageAsync();
        await shared.GotoAsync(url);
        await shared.WaitForSelectorAsync("[data-testid=experiment-report]", new() { Timeout = 60_000 });
        Assert.Contains("Does the treatment convert better?", await shared.InnerTextAsync("[data-testid=experiment-report]"), StringComparison.Ordinal);
        Assert.Equal(0, await shared.Locator("[data-testid=nav]").CountAsync());
        await shared.ScreenshotAsync(new() { Path = Shot("shared-report.png"), FullPage = true });
        var token = url[(url.LastIndexOf('/') + 1)..];
        Assert.Equal(200, (await shared.APIRequest.GetAsync($"{app.BaseUrl}/api/share/{token}")).Status);
        // The share page is plain server-rendered HTML: no script, so no circuit and no client-side navigation.
        Assert.Equal(0, await shared.Locator("script").CountAsync());
        // The report's own API answers the stranger only with the token, and nothing else of the workspace opens.
        Assert.Equal(401, (await shared.APIRequest.GetAsync($"{app.BaseUrl}/api{experimentPath}/readout")).Status);
        Assert.Equal(200, (await shared.APIRequest.GetAsync($"{app.BaseUrl}/api{experimentPath}/readout?share={token}")).Status);
        Assert.Equal(200, (await shared.APIRequest.GetAsync($"{app.BaseUrl}/api{experimentPath}/report.html?share={token}")).Status);
        Assert.Equal(401, (await shared.APIRequest.GetAsync($"{app.BaseUrl}/api/workspaces")).Status);
        Assert.Equal(401, (await shared.APIRequest.GetAsync($"{app.BaseUrl}/api/experiments/{experimentPath.Split('/')[^1]}")).Status);
        var elsewhere = await stranger.NewPageAsync();
        await elsewhere.GotoAsync(app.BaseUrl + "/data");
        Assert.StartsWith(app.BaseUrl + "/signin", elsewhere.Url, StringComparison.Ordinal);
        Assert.Equal(1, await elsewhere.Locator("[data-testid=signin-form]").CountAsync());
        await elsewhere.CloseAsync();

        await page.ClickAsync("[data-testid=revoke-share-link]");
        await Assertions.Expect(page.Locator("[data-testid=share-links]")).ToContainTextAsync("revoked");

        await shared.ReloadAsync();
        await shared.WaitForSelectorAsync("[data-testid=share-unavailable]");
        Assert.Contains("revoked", await shared.InnerTextAsync("[data-testid=share-unavailable]"), StringComparison.Ordinal);
        Assert.Equal(0, await shared.Locator("[data-testid=experiment-report]").CountAsync());
        Assert.Equal(410, (await shared.APIRequest.GetAsync($"{app.BaseUrl}/api/share/{token}")).Status);
        Assert.Equal(401, (await shared.APIRequest.GetAsync($"{app.BaseUrl}/api{experimentPath}/readout?share={token}")).Status);
        await stranger.CloseAsync();
    }

    [Fact]
    public async Task Experiment_DemoMismatchedTest_SrmBannerBlocksShip()
    {
        var page = await app.OpenAsync("data");
        await Assertions.Expect(page.Locator("[data-testid=datasets-table] a >> text=\"experiments\"")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        var workspaces = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"{app.BaseUrl}/api/workspaces")).TextAsync()).RootElement;
        var workspaceId = workspaces.EnumerateArray().First(w => w.GetProperty("name").GetString() == "Retail demo").GetProperty("id").GetInt32();
        var datasets = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"{app.BaseUrl}/api/workspaces/{workspaceId}/datasets")).TextAsync()).RootElement;
        var datasetId = datasets.EnumerateArray().First(d => d.GetProperty("name").GetString() == "experiments").GetProperty("id").GetInt32();
        var response = await page.APIRequest.PostAsync($"{app.BaseUrl}/api/workspaces/{workspaceId}/experiments", new()
        {
            DataObject = new
            {
                name = "Free shipping banner",
                question = "Does a free-shipping banner lift conversion?",
                datasetId,
                mapping = new { unitId = "customer_id", variant = "variant", assignedAt = "assigned_at", converted = "converted", revenue = "revenue",
                    preCovariate = "pre_period_spend", experimentColumn = "experiment", experimentValue = "free_shipping_banner" },
                controlVariant = "control",
            },
        });
        Assert.Equal(201, response.Status);
        var id = JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("id").GetInt32();

        await page.GotoAsync($"{app.BaseUrl}/experiments/{id}");
        await page.WaitForSelectorAsync("[data-testid=srm-banner]", new() { Timeout = 60_000 });
        Assert.False(await page.Locator("[data-testid=decide-ship]").IsEnabledAsync());
        Assert.Contains("Sample ratio mismatch", await page.InnerTextAsync("[data-testid=ship-blocked]"), StringComparison.Ordinal);
        await page.WaitForSelectorAsync(".js-plotly-plot .main-svg", new() { Timeout = 30_000 });
        await page.WaitForTimeoutAsync(500);
        await page.ScreenshotAsync(new() { Path = Shot("experiment-readout-srm.png"), FullPage = true });
        var readout = await page.APIRequest.GetAsync($"{app.BaseUrl}/api/experiments/{id}/readout");
        Assert.Equal(200, readout.Status);
        Assert.True(JsonDocument.Parse(await readout.TextAsync()).RootElement.GetProperty("srm").GetProperty("flagged").GetBoolean());
    }

    [Fact]
    public async Task Design_CustomersWithHoldout_WritesAssignmentListAndSizesTheTest()
    {
        var page = await app.OpenAsync("data");
        await Assertions.Expect(page.Locator("[data-testid=datasets-table] a >> text=\"customers\"")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await page.GotoAsync(app.BaseUrl + "/experiments/design");
        await page.WaitForSelectorAsync("[data-testid=power-results]");
        await page.ClickAsync("[data-testid=design-dataset]");
        await page.ClickAsync(".mud-popover-open >> text=/^customers v1/");
        await page.ClickAsync("[data-testid=design-assign]");
        await page.WaitForSelectorAsync("[data-testid=design-done]", new() { Timeout = 60_000 });
        var done = await page.InnerTextAsync("[data-testid=design-done]");
        Assert.Contains("holdout", done, StringComparison.Ordinal);
        Assert.Contains("treatment", done, StringComparison.Ordinal);
        Assert.Contains("pp", await page.InnerTextAsync("[data-testid=power-mde-result]"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Shot("experiment-design.png"), FullPage = true });
    }
}
