using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Studio.E2E;

/// <summary>The product path of issue 6's k-means segments: train a customer embedding on the demo events, scan k, create segments.</summary>
[Collection(StudioAppCollection.Name)]
public sealed class KMeansSegmentsTests(StudioAppFixture app)
{
    private static string Shot(string name) => Path.Combine(StudioAppFixture.ScreenshotDir, name);

    private async Task<(int WorkspaceId, int EventsId)> DemoAsync(HttpClient http)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var workspaces = await http.GetFromJsonAsync<JsonArray>("api/workspaces");
            var demo = workspaces!.FirstOrDefault(w => (string?)w!["name"] == "Retail demo");
            if (demo is not null)
            {
                var id = (int)demo["id"]!;
                var datasets = await http.GetFromJsonAsync<JsonArray>($"api/workspaces/{id}/datasets");
                var events = datasets!.FirstOrDefault(d => (string?)d!["role"] == "Events");
                if (events is not null && datasets!.Any(d => (string?)d!["role"] == "Customers")) return (id, (int)events["id"]!);
            }
            await Task.Delay(2000);
        }
        throw new TimeoutException("The demo workspace was not imported:\n" + app.AppLog);
    }

    [Fact]
    public async Task KMeans_CustomerEmbeddingFromEvents_ScanThenCreateSegments()
    {
        using var http = app.CreateAdminHttpClient();
        var (workspaceId, eventsId) = await DemoAsync(http);
        // Honest target: which product each event touches, from the customer id alone (no segment label anywhere).
        var spec = JsonNode.Parse("""
            {"targetColumn":"product_id","task":"MultiClass","categoricalColumns":["customer_id"],
             "model":{"kind":"Mlp","hiddenSizes":[32],"dropout":0},"embedding":{"dimension":16},
             "optimizer":{"learningRate":0.005},"batchSize":512,"epochs":10,"earlyStopping":null,
             "split":{"trainRatio":0.9,"validationRatio":0.05,"testRatio":0.05},"seed":7}
            """);
        var started = await http.PostAsJsonAsync("api/runs", new { workspaceId, datasetId = eventsId, name = "E2E customer embedding", spec });
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        var runId = (int)(await started.Content.ReadFromJsonAsync<JsonObject>())!["runId"]!;
        string? status = null;
        for (var attempt = 0; attempt < 120 && status is not ("Succeeded" or "Failed" or "Cancelled"); attempt++)
        {
            await Task.Delay(2000);
            status = (string?)(await http.GetFromJsonAsync<JsonObject>($"api/runs/{runId}"))!["status"];
        }
        Assert.Equal("Succeeded", status);

        var page = await app.OpenAsync("segments/kmeans");
        await page.WaitForSelectorAsync("[data-testid=kmeans-form]");
        await page.ClickAsync("[data-testid=kmeans-run]");
        await page.ClickAsync($".mud-popover-open .mud-list-item:has-text('#{runId} E2E customer embedding')");
        try
        {
            await page.WaitForFunctionAsync("() => (document.querySelector('[data-testid=kmeans-source]')?.closest('.mud-input-control')?.innerText ?? '').includes('customer_id')");
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new() { Path = Shot("segments-kmeans-failure.png"), FullPage = true });
            throw;
        }
        await page.Locator("[data-testid=kmeans-kmin] input, input[data-testid=kmeans-kmin]").First.FillAsync("4");
        await page.Locator("[data-testid=kmeans-kmax] input, input[data-testid=kmeans-kmax]").First.FillAsync("8");
        await page.Keyboard.PressAsync("Tab");
        try
        {
            await page.ClickAsync("[data-testid=kmeans-scan]");
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new() { Path = Shot("segments-kmeans-failure.png"), FullPage = true });
            throw;
        }
        await page.WaitForSelectorAsync("[data-testid=elbow-chart] .main-svg, [data-testid=silhouette-chart] .main-svg", new() { Timeout = 120_000 });
        await page.WaitForTimeoutAsync(800);
        await page.ScreenshotAsync(new() { Path = Shot("segments-kmeans-scan.png"), FullPage = true });

        // The button names the k picked by default (best silhouette): "Create 6 segments".
        var chosenK = int.Parse(new string([.. (await page.InnerTextAsync("[data-testid=kmeans-create]")).Where(char.IsAsciiDigit)]), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(chosenK, 4, 8);
        await page.Locator("[data-testid=kmeans-prefix] input, input[data-testid=kmeans-prefix]").First.FillAsync("E2E cluster");
        await page.ClickAsync("[data-testid=kmeans-create]");
        try
        {
            await page.WaitForSelectorAsync("[data-testid=kmeans-created]", new() { Timeout = 120_000 });
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new() { Path = Shot("segments-kmeans-failure.png"), FullPage = true });
            throw new TimeoutException("No segments created. App log:\n" + app.AppLog[^Math.Min(6000, app.AppLog.Length)..]);
        }
        Assert.Equal(chosenK, await page.Locator("[data-testid=kmeans-created] a").CountAsync());
        await page.ScreenshotAsync(new() { Path = Shot("segments-kmeans-created.png"), FullPage = true });

        var segments = await http.GetFromJsonAsync<JsonArray>($"api/workspaces/{workspaceId}/segments");
        var clusters = segments!.Where(s => ((string?)s!["name"])!.StartsWith("E2E cluster ", StringComparison.Ordinal)).ToList();
        Assert.Equal(chosenK, clusters.Count);
        Assert.All(clusters, c => Assert.Equal("KMeans", (string?)c!["source"]));
        // Every customer with events lands in exactly one cluster.
        Assert.InRange(clusters.Sum(c => (int)c!["memberCount"]!), 4000, 5000);
        await page.ClickAsync("[data-testid=kmeans-created] a >> nth=0");
        await page.WaitForSelectorAsync("[data-testid=profile-size]", new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Shot("segments-kmeans-profile.png"), FullPage = true });

        var (first, second) = ((int)clusters[0]!["id"]!, (int)clusters[1]!["id"]!);
        await page.GotoAsync($"{app.BaseUrl}/segments/compare?a={first}&b={second}");
        await page.WaitForSelectorAsync("[data-testid=compare-numeric]", new() { Timeout = 30_000 });
        Assert.Equal("0", (await page.InnerTextAsync("[data-testid=compare-overlap]")).Trim());
        await page.ScreenshotAsync(new() { Path = Shot("segments-compare.png"), FullPage = true });
    }
}
