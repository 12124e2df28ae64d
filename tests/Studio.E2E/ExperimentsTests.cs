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
        // The demo defines its planted experiments; the mismatched one must be flagged.
        var experiments = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"{app.BaseUrl}/api/workspaces/{workspaceId}/experiments")).TextAsync()).RootElement;
        var id = experiments.EnumerateArray().First(e => e.GetProperty("name").GetString() == "Free shipping banner").GetProperty("id").GetInt32();
        Assert.Contains(experiments.EnumerateArray(), e => e.GetProperty("name").GetString() == "Checkout redesign");

        // Options are checked strictly: a misspelt option and an out-of-range threshold are refused with 400 naming the field.
        object Request(object options) => new
        {
            name = "Banner at 0.01",
            datasetId,
            mapping = new { unitId = "customer_id", variant = "variant", assignedAt = "assigned_at", metrics = new[] { new { column = "converted", kind = "Proportion" } },
                experimentColumn = "experiment", experimentValue = "free_shipping_banner" },
            controlVariant = "control",
            options,
        };
        var misspelt = await page.APIRequest.PostAsync($"{app.BaseUrl}/api/workspaces/{workspaceId}/experiments", new() { Headers = StudioAppFixture.ApiHeaders, DataObject = Request(new { srmTreshold = 0.01 }) });
        Assert.Equal(400, misspelt.Status);
        Assert.Contains("srmTreshold", await misspelt.TextAsync(), StringComparison.Ordinal);
        var outOfRange = await page.APIRequest.PostAsync($"{app.BaseUrl}/api/workspaces/{workspaceId}/experiments", new() { Headers = StudioAppFixture.ApiHeaders, DataObject = Request(new { srmThreshold = 1.5 }) });
        Assert.Equal(400, outOfRange.Status);
        Assert.Contains("options.srmThreshold", await outOfRange.TextAsync(), StringComparison.Ordinal);
        var strict = await page.APIRequest.PostAsync($"{app.BaseUrl}/api/workspaces/{workspaceId}/experiments", new() { Headers = StudioAppFixture.ApiHeaders, DataObject = Request(new { srmThreshold = 0.01 }) });
        Assert.Equal(201, strict.Status);
        Assert.Equal(0.01, JsonDocument.Parse(await strict.TextAsync()).RootElement.GetProperty("options").GetProperty("srmThreshold").GetDouble());

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
        var html = await (await page.APIRequest.GetAsync($"{app.BaseUrl}/api/experiments/{id}/report.html")).TextAsync();
        Assert.Contains("Sample ratio mismatch", html, StringComparison.Ordinal);
        var csv = await (await page.APIRequest.GetAsync($"{app.BaseUrl}/api/experiments/{id}/results.csv")).TextAsync();
        Assert.Contains("srm_p_value,srm_threshold,srm_flagged", csv, StringComparison.Ordinal);
    }

    /// <summary>Unit rows without a unit id: variant, visits, converted, revenue (and a time column the analyst leaves out).</summary>
    private static string VisitsCsv()
    {
        var csv = new StringBuilder("group,visits,converted,revenue\n");
        var random = new Random(5);
        for (var i = 0; i < 3000; i++)
        {
            var variant = i % 2 == 0 ? "control" : "treatment";
            var visits = 1 + random.Next(0, 5);
            var converted = random.NextDouble() < (variant == "control" ? 0.18 : 0.24) ? 1 : 0;
            csv.Append(CultureInfo.InvariantCulture, $"{variant},{visits},{converted},{(converted == 1 ? Math.Round(10 + random.NextDouble() * 40, 2) : 0)}\n");
        }

        return csv.ToString();
    }

    [Fact]
    public async Task Experiment_DefineThreeMetricsWithRatioAndGuardrailInTheForm_OneCorrectionFamilyNamedByColumns()
    {
        var page = await app.OpenAsync("data/upload");
        await page.WaitForSelectorAsync("[data-testid=choose-file]");
        var file = new FilePayload { Name = "e2e_visits.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(VisitsCsv()) };
        await page.Locator("[data-testid=file-input]").SetInputFilesAsync(file);
        if (!await WaitForAsync(page, "[data-testid=import-button]", 10_000)) await page.Locator("[data-testid=file-input]").SetInputFilesAsync(file);
        await page.ClickAsync("[data-testid=import-button]");
        await page.WaitForSelectorAsync("[data-testid=upload-done]", new() { Timeout = 120_000 });

        await page.GotoAsync(app.BaseUrl + "/experiments");
        await page.WaitForSelectorAsync("[data-testid=no-experiments], [data-testid=experiments-table]");
        await page.ClickAsync("[data-testid=new-experiment]");
        await page.WaitForSelectorAsync("[data-testid=new-experiment-form]");
        await page.Locator("input[data-testid=exp-name], [data-testid=exp-name] input").First.FillAsync("E2E visits test");
        await page.ClickAsync("[data-testid=exp-dataset]");
        await page.ClickAsync(".mud-popover-open >> text=e2e_visits");
        await page.WaitForSelectorAsync("[data-testid=map-metric-2-column]");
        // Suggested: converted (proportion) and revenue (mean). Make revenue a guardrail and add revenue per visit as a ratio.
        await page.ClickAsync("[data-testid=metric-2-role]");
        await page.ClickAsync(".mud-popover-open >> text=guardrail");
        await page.ClickAsync("[data-testid=add-metric]");
        await page.ClickAsync("[data-testid=metric-3-kind]");
        await page.ClickAsync(".mud-popover-open >> text=ratio (sum / sum)");
        await page.ClickAsync("[data-testid=map-metric-3-column]");
        await page.ClickAsync(".mud-popover-open .mud-list-item >> text=\"revenue\"");
        await page.ClickAsync("[data-testid=map-metric-3-denominator]");
        await page.ClickAsync(".mud-popover-open .mud-list-item >> text=\"visits\"");
        await page.Locator("[data-testid=exp-srm-threshold] input, input[data-testid=exp-srm-threshold]").First.FillAsync("0.01");
        await page.ClickAsync("[data-testid=exp-save]");

        await page.WaitForSelectorAsync("[data-testid=comparisons-table]", new() { Timeout = 60_000 });
        Assert.Equal(3, await page.Locator("[data-testid=comparison-row]").CountAsync());
        var table = await page.InnerTextAsync("[data-testid=comparisons-table]");
        Assert.Contains("revenue / visits", table, StringComparison.Ordinal);
        Assert.Contains("guardrail", table, StringComparison.Ordinal);
        Assert.Contains("one family of 3 test(s): 3 metric(s) × 1 treatment arm(s)", await page.InnerTextAsync("[data-testid=correction-statement]"), StringComparison.Ordinal);
        Assert.Contains("0.01", await page.InnerTextAsync("[data-testid=srm-ok]"), StringComparison.Ordinal);
        Assert.Contains("No assignment-time column", await page.InnerTextAsync("[data-testid=no-timeline]"), StringComparison.Ordinal);
        await page.WaitForSelectorAsync("[data-testid=posterior-chart] .main-svg, .js-plotly-plot .main-svg", new() { Timeout = 30_000 });
        await page.WaitForTimeoutAsync(800);
        await page.ScreenshotAsync(new() { Path = Shot("experiment-multi-metric.png"), FullPage = true });

        var path = new Uri(page.Url).AbsolutePath;
        var csv = await (await page.APIRequest.GetAsync($"{app.BaseUrl}/api{path}/results.csv")).TextAsync();
        Assert.Contains(",revenue / visits,Ratio,Primary,", csv, StringComparison.Ordinal);
        Assert.Contains(",revenue,Mean,Guardrail,", csv, StringComparison.Ordinal);
        var html = await (await page.APIRequest.GetAsync($"{app.BaseUrl}/api{path}/report.html")).TextAsync();
        Assert.Contains("revenue / visits", html, StringComparison.Ordinal);
        Assert.Contains("Sample ratio check", html, StringComparison.Ordinal);
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
