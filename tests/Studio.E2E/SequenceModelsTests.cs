using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Studio.Core.Datasets;
using Studio.Data;
using Studio.Data.Datasets;
using Studio.Data.Storage;

namespace Studio.E2E;

[Collection(StudioAppCollection.Name)]
public sealed class SequenceModelsTests(StudioAppFixture app)
{
    [Fact]
    public async Task TrainSequenceFromForm_DemoEvents_ViewerShowsWeightsForACustomer()
    {
        await EnsureDemoEventsAsync();
        var page = await app.OpenAsync("models/new?family=sequence");
        await page.WaitForSelectorAsync("[data-testid=sequence-form]");
        await Assertions.Expect(page.Locator("[data-testid=seq-problems]")).ToHaveCountAsync(0);
        // Small T and one epoch so the run takes seconds.
        await ModelsTests.FillAsync(page, "seq-length", "5");
        await ModelsTests.FillAsync(page, "seq-epochs", "1");
        await page.ScreenshotAsync(new() { Path = Path.Combine(StudioAppFixture.ScreenshotDir, "sequence-form.png"), FullPage = true });

        await page.ClickAsync("[data-testid=seq-start]");
        await page.WaitForSelectorAsync("[data-testid=live-progress]");
        await Assertions.Expect(page.Locator("[data-testid=run-status]")).ToHaveTextAsync("Succeeded", new() { Timeout = 180_000 });
        await page.WaitForSelectorAsync("[data-testid=sequence-evaluation]");
        var auc = double.Parse(await page.InnerTextAsync("[data-testid=seq-metric-AUC] td:nth-child(2)"), CultureInfo.CurrentCulture);
        Assert.InRange(auc, 0.6, 1.0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(StudioAppFixture.ScreenshotDir, "sequence-run.png"), FullPage = true });

        await page.ClickAsync("[data-testid=open-attention]");
        var search = page.Locator("[data-testid=customer-search] input, input[data-testid=customer-search]").First;
        await search.ClickAsync();
        await search.FillAsync("C0000");
        var option = page.Locator(".mud-popover-open .mud-list-item").First;
        await option.WaitForAsync(new() { Timeout = 60_000 });
        await option.ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=attended-event]", new() { Timeout = 60_000 });
        await page.WaitForSelectorAsync("[data-testid=attention-chart] .main-svg");
        var weights = await page.Locator("[data-testid=event-weight]").AllInnerTextsAsync();
        Assert.InRange(weights.Count, 1, 5);
        Assert.Equal(1.0, weights.Sum(w => double.Parse(w.Replace("%", "", StringComparison.Ordinal).Trim(), CultureInfo.CurrentCulture) / 100), 0.02);
        Assert.Equal(10, await page.Locator("[data-testid=candidate-row]").CountAsync());
        await page.ClickAsync("[data-testid=compute-aggregates]");
        await page.WaitForSelectorAsync("[data-testid=category-heatmap]", new() { Timeout = 60_000 });
        await page.WaitForSelectorAsync("[data-testid=by-recency-chart] .main-svg");
        await page.ScreenshotAsync(new() { Path = Path.Combine(StudioAppFixture.ScreenshotDir, "sequence-attention.png"), FullPage = true });
    }

    [Fact]
    public async Task Api_StartSequenceRun_MetricsAttentionAndCandidates()
    {
        await EnsureDemoEventsAsync();
        var page = await app.OpenAsync("models");
        var api = page.APIRequest;
        var workspaces = JsonDocument.Parse(await (await api.GetAsync($"{app.BaseUrl}/api/workspaces")).TextAsync()).RootElement;
        var workspaceId = workspaces.EnumerateArray().First(w => w.GetProperty("name").GetString() == "Retail demo").GetProperty("id").GetInt32();
        var datasets = JsonDocument.Parse(await (await api.GetAsync($"{app.BaseUrl}/api/workspaces/{workspaceId}/datasets")).TextAsync()).RootElement;
        var eventsId = datasets.EnumerateArray().Where(d => d.GetProperty("name").GetString() == "events").Max(d => d.GetProperty("id").GetInt32());
        var bad = await api.PostAsync($"{app.BaseUrl}/api/sequence-runs", new()
        {
            Headers = StudioAppFixture.ApiHeaders,
            DataObject = new { workspaceId, datasetId = eventsId, spec = new { customerColumn = "customer_id", itemColumn = "customer_id", timestampColumn = "timestamp" } },
        });
        Assert.Equal(400, bad.Status);
        Assert.Contains("three different columns", await bad.TextAsync(), StringComparison.Ordinal);

        var started = await api.PostAsync($"{app.BaseUrl}/api/sequence-runs", new()
        {
            Headers = StudioAppFixture.ApiHeaders,
            DataObject = new
            {
                workspaceId, datasetId = eventsId, name = "api sequence run",
                spec = new
                {
                    customerColumn = "customer_id", itemColumn = "product_id", timestampColumn = "timestamp", eventTypeColumn = "event_type",
                    sequence = new { model = "MeanPooling", maxLength = 5, epochs = 1, mergeRepeatedItems = true, maxRankedTargets = 200 },
                },
            },
        });
        Assert.Equal(202, started.Status);
        var runId = JsonDocument.Parse(await started.TextAsync()).RootElement.GetProperty("runId").GetInt32();
        var deadline = DateTime.UtcNow.AddSeconds(180);
        string status;
        do
        {
            await Task.Delay(500);
            status = JsonDocument.Parse(await (await api.GetAsync($"{app.BaseUrl}/api/runs/{runId}")).TextAsync()).RootElement.GetProperty("status").GetString()!;
        }
        while (status is "Queued" or "Running" && DateTime.UtcNow < deadline);
        Assert.Equal("Succeeded", status);

        var metrics = JsonDocument.Parse(await (await api.GetAsync($"{app.BaseUrl}/api/sequence-runs/{runId}/metrics")).TextAsync()).RootElement;
        Assert.Equal("Behaviour sequence (mean pooling)", metrics.GetProperty("modelKind").GetString());
        Assert.InRange(metrics.GetProperty("model").GetProperty("hr@10").GetDouble(), 0, 1);
        Assert.Equal(200, metrics.GetProperty("popularity").GetProperty("ranked_targets").GetDouble());
        Assert.Contains("full-catalogue", metrics.GetProperty("protocol").GetString(), StringComparison.Ordinal);
        var candidates = JsonDocument.Parse(await (await api.GetAsync($"{app.BaseUrl}/api/sequence-runs/{runId}/candidates?customer=C000002&count=3")).TextAsync()).RootElement;
        Assert.Equal(3, candidates.GetArrayLength());
        var item = candidates[0].GetProperty("itemId").GetString();
        var attention = JsonDocument.Parse(await (await api.GetAsync($"{app.BaseUrl}/api/sequence-runs/{runId}/attention?customer=C000002&candidate={item}")).TextAsync()).RootElement;
        Assert.Equal(1.0, attention.GetProperty("events").EnumerateArray().Sum(e => e.GetProperty("weight").GetDouble()), 1e-4);
        Assert.Equal(404, (await api.GetAsync($"{app.BaseUrl}/api/sequence-runs/{runId}/attention?customer=nobody&candidate={item}")).Status);

        // Customers as a sequence model sees them: behaviour vectors, projected and selected in the viewer.
        var sources = JsonDocument.Parse(await (await api.GetAsync($"{app.BaseUrl}/api/runs/{runId}/vector-sources")).TextAsync()).RootElement;
        Assert.Equal(["embedding:product_id", "hidden"], sources.EnumerateArray().Select(s => s.GetProperty("key").GetString()));
        var projection = await api.PostAsync($"{app.BaseUrl}/api/projections", new()
        {
            Headers = StudioAppFixture.ApiHeaders,
            DataObject = new { workspaceId, runId, source = "hidden", method = "Pca", dimensions = 2 },
        });
        Assert.Equal(202, projection.Status);
        var projectionId = JsonDocument.Parse(await projection.TextAsync()).RootElement.GetProperty("projectionId").GetInt32();
        await page.GotoAsync($"{app.BaseUrl}/projections?projection={projectionId}");
        const string scatter = ScatterActions.Scatter;
        await page.WaitForSelectorAsync($"{scatter}[data-drawn-ms]", new() { Timeout = 120_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Vectors" })).ToContainTextAsync("Behaviour of each customer_id");
        await Assertions.Expect(page.Locator("[data-testid=earlier-projection]")).ToContainTextAsync("PCA 2D of customer_id behaviour · trust 0.");
        await ScatterActions.BoxSelectAsync(page, 0.1f, 0.9f);
        await Assertions.Expect(page.Locator("[data-testid=segment-dataset]")).ToContainTextAsync("Members are rows of customers v");
        await page.ScreenshotAsync(new() { Path = Path.Combine(StudioAppFixture.ScreenshotDir, "projections-sequence-behaviour.png"), FullPage = true });
    }

    /// <summary>Waits for the demo seeder's events and products.</summary>
    private async Task EnsureDemoEventsAsync()
    {
        var storage = new StudioStorageOptions { DataDir = app.DataDir };
        await using var services = new ServiceCollection().AddLogging().AddStudioData(storage).BuildServiceProvider();
        var contexts = services.GetRequiredService<IDbContextFactory<StudioDbContext>>();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            await using var context = await contexts.CreateDbContextAsync();
            var workspace = await context.Workspaces.OrderBy(w => w.Id).FirstOrDefaultAsync();
            if (workspace is not null)
            {
                var roles = await context.Datasets.Where(d => d.WorkspaceId == workspace.Id).Select(d => d.Role).ToListAsync();
                if (roles.Contains(DatasetRole.Events) && roles.Contains(DatasetRole.Products)) return;
                if (DateTime.UtcNow > deadline) throw new TimeoutException("The demo seeder did not import events and products in 90 s.");
            }
            else if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The demo workspace was not created.");
            }

            await Task.Delay(300);
        }
    }
}
