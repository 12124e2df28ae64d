using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Studio.E2E;

[Collection(StudioAppCollection.Name)]
public sealed class SegmentsTests(StudioAppFixture app)
{
    private static string Shot(string name) => Path.Combine(StudioAppFixture.ScreenshotDir, name);

    /// <summary>Customers aged 30-40 in the demo file the app seeds its workspace from.</summary>
    private static int ExpectedThirties()
    {
        var lines = File.ReadAllLines(Path.Combine(StudioAppFixture.RepositoryRoot, "sample-datasets", "retail-demo", "customers.csv"));
        var age = Array.IndexOf(lines[0].Split(','), "age");
        return lines.Skip(1).Count(l => l.Length > 0 && int.Parse(l.Split(',')[age], CultureInfo.InvariantCulture) is >= 30 and <= 40);
    }

    private static async Task<int> PreviewCountAsync(IPage page) =>
        int.Parse((await page.InnerTextAsync("[data-testid=preview-count]")).Trim(), NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("en-US"));

    [Fact]
    public async Task RuleSegment_BuildOpenProfileDownloadCsv_RowCountAndBomMatch()
    {
        var expected = ExpectedThirties();
        var page = await app.OpenAsync("segments/new");
        // The demo workspace is imported in the background at first start.
        for (var attempt = 0; attempt < 30 && await page.Locator("[data-testid=preview-count]").CountAsync() == 0; attempt++)
        {
            await page.WaitForTimeoutAsync(2000);
            if (await page.Locator("[data-testid=no-customers]").CountAsync() > 0) await page.ReloadAsync();
        }
        await page.WaitForSelectorAsync("[data-testid=preview-count]");
        Assert.Equal(5000, await PreviewCountAsync(page));

        await page.ClickAsync("[data-testid=add-attribute-rule]");
        await page.ClickAsync("[data-testid=rule-column]");
        await page.ClickAsync(".mud-popover-open .mud-list-item >> text=/^age$/");
        await page.WaitForSelectorAsync("[data-testid=rule-min]");
        // The range fields re-render when the column's test settles; typing again is what a user would do if a value was lost.
        var counted = false;
        for (var attempt = 0; attempt < 3 && !counted; attempt++)
        {
            await page.Locator("[data-testid=rule-min] input, input[data-testid=rule-min]").First.FillAsync("30");
            await page.Keyboard.PressAsync("Tab");
            await page.Locator("[data-testid=rule-max] input, input[data-testid=rule-max]").First.FillAsync("40");
            await page.Keyboard.PressAsync("Tab");
            try
            {
                await page.WaitForFunctionAsync($"() => document.querySelector('[data-testid=preview-count]')?.innerText.replace(/[^0-9]/g, '') === '{expected}'",
                    null, new() { Timeout = 8_000 });
                counted = true;
            }
            catch (TimeoutException) when (attempt < 2)
            {
                await page.ScreenshotAsync(new() { Path = Shot("segments-rule-builder-retry.png"), FullPage = true });
            }
        }
        await page.Locator("[data-testid=segment-name] input, input[data-testid=segment-name]").First.FillAsync("E2E thirties");
        await page.WaitForTimeoutAsync(300);
        await page.ScreenshotAsync(new() { Path = Shot("segments-rule-builder.png"), FullPage = true });
        await page.ClickAsync("[data-testid=create-segment]");

        await page.WaitForSelectorAsync("[data-testid=profile-size]", new() { Timeout = 30_000 });
        Assert.Equal("E2E thirties", (await page.InnerTextAsync("[data-testid=segment-title]")).Trim());
        Assert.Equal(expected.ToString("N0", CultureInfo.GetCultureInfo("en-US")), (await page.InnerTextAsync("[data-testid=profile-size]")).Trim());
        await page.WaitForSelectorAsync("[data-testid=export-log-empty]");
        await page.ScreenshotAsync(new() { Path = Shot("segments-profile.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-download]"));
        var path = Path.Combine(Path.GetTempPath(), "segment-e2e-" + Guid.NewGuid().ToString("N")[..6] + ".csv");
        await download.SaveAsAsync(path);
        var bytes = await File.ReadAllBytesAsync(path);
        File.Delete(path);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("customer_id,", lines[0], StringComparison.Ordinal);
        Assert.Equal(expected, lines.Length - 1);

        await page.WaitForSelectorAsync("[data-testid=export-log] tbody tr", new() { Timeout = 15_000 });
        var logRow = await page.InnerTextAsync("[data-testid=export-log] tbody tr");
        Assert.Contains("CSV", logRow, StringComparison.Ordinal);
        Assert.Contains(expected.ToString("N0", CultureInfo.GetCultureInfo("en-US")), logRow, StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Shot("segments-profile-exported.png"), FullPage = true });

        var profilePath = new Uri(page.Url).AbsolutePath;
        await page.ClickAsync("[data-testid=design-experiment]");
        await page.WaitForSelectorAsync("[data-testid=design-from-segment]");
        Assert.Contains("E2E thirties", await page.InnerTextAsync("[data-testid=design-from-segment]"), StringComparison.Ordinal);
        var perArm = (int)Math.Floor(expected * 0.9 / 2);
        Assert.Equal(perArm.ToString(CultureInfo.InvariantCulture),
            (await page.Locator("[data-testid=power-n] input, input[data-testid=power-n]").First.InputValueAsync()).Replace(",", "", StringComparison.Ordinal));
        await page.ScreenshotAsync(new() { Path = Shot("segments-design-experiment.png"), FullPage = true });

        await CheckApiAsync(profilePath, expected);

        await page.GotoAsync(app.BaseUrl + "/segments");
        await page.WaitForSelectorAsync("[data-testid=segments-table]");
        Assert.Contains("E2E thirties", await page.InnerTextAsync("[data-testid=segments-table]"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Shot("segments-list.png"), FullPage = true });
    }

    /// <summary>The HTTP API over the segment the browser made: get, members, export log, preview, create by keys, refusals.</summary>
    private async Task CheckApiAsync(string profilePath, int expected)
    {
        using var http = app.CreateAdminHttpClient();
        var id = int.Parse(profilePath.Split('/')[^1], CultureInfo.InvariantCulture);
        var segment = await http.GetFromJsonAsync<JsonObject>($"api/segments/{id}");
        Assert.Equal("Rule", (string?)segment!["source"]);
        var (workspaceId, datasetId) = ((int)segment["workspaceId"]!, (int)segment["datasetId"]!);
        var members = await http.GetFromJsonAsync<JsonArray>($"api/segments/{id}/members");
        Assert.Equal(expected, members!.Count);
        var log = await http.GetFromJsonAsync<JsonArray>($"api/segments/{id}/exports");
        Assert.Equal(expected, (int)log![0]!["rowCount"]!);

        var preview = await http.PostAsJsonAsync("api/segments/preview", JsonNode.Parse(
            $$"""{"datasetId":{{datasetId}},"rules":[{"kind":"range","column":"age","min":30,"max":40}]}"""));
        Assert.Equal(expected, (int)(await preview.Content.ReadFromJsonAsync<JsonObject>())!["count"]!);

        var byKeys = await http.PostAsJsonAsync($"api/workspaces/{workspaceId}/segments",
            new { name = "API picks", datasetId, memberKeys = new[] { "C000001", "C000002" } });
        Assert.Equal(HttpStatusCode.Created, byKeys.StatusCode);
        Assert.Equal(2, (int)(await byKeys.Content.ReadFromJsonAsync<JsonObject>())!["memberCount"]!);

        var unknown = await http.PostAsJsonAsync($"api/workspaces/{workspaceId}/segments",
            new { name = "Ghosts", datasetId, memberKeys = new[] { "NOPE" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("'NOPE'", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var xlsx = await http.GetAsync($"api/segments/{id}/export?format=xlsx&columns=customer_id&columns=age");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync())[..2]);
        var badColumn = await http.GetAsync($"api/segments/{id}/export?columns=shoe_size");
        Assert.Equal(HttpStatusCode.BadRequest, badColumn.StatusCode);
        Assert.Equal(2, (await http.GetFromJsonAsync<JsonArray>($"api/segments/{id}/exports"))!.Count);
    }
}
