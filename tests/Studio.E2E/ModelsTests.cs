using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Studio.Data;
using Studio.Data.Datasets;
using Studio.Data.Storage;

namespace Studio.E2E;

[Collection(StudioAppCollection.Name)]
public sealed class ModelsTests(StudioAppFixture app)
{
    [Fact]
    public async Task TrainFromForm_DemoCustomers_CurveGrowsLiveAndEvaluationShowsAucAndRoc()
    {
        await EnsureDemoCustomersAsync();
        var page = await app.OpenAsync("models/new");
        var console = new List<string>();
        page.Console += (_, m) => console.Add(m.Type + ": " + m.Text);
        page.FrameNavigated += (_, f) => console.Add("navigated: " + f.Url);
        await page.WaitForSelectorAsync("[data-testid=training-form][data-interactive=true]");
        await Assertions.Expect(page.Locator("[data-testid=start-training]")).ToBeEnabledAsync();
        await page.ClickAsync("[data-testid=kind-region]");
        await page.WaitForSelectorAsync("[data-testid=spec-problems]", new() { Timeout = 5000 });
        await page.ClickAsync("[data-testid=kind-region]");
        await Assertions.Expect(page.Locator("[data-testid=spec-problems]")).ToHaveCountAsync(0);
        // Small batches so each epoch lasts long enough to watch the curve grow.
        await FillAsync(page, "batch-size", "8");
        await FillAsync(page, "epochs", "6");
        await Task.Delay(1000);
        Assert.Equal("6", await page.Locator("[data-testid=epochs] input, input[data-testid=epochs]").First.InputValueAsync());
        Assert.Equal("8", await page.Locator("[data-testid=batch-size] input, input[data-testid=batch-size]").First.InputValueAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(StudioAppFixture.ScreenshotDir, "models-form.png"), FullPage = true });

        await page.ClickAsync("[data-testid=start-training]");
        try
        {
            await page.WaitForSelectorAsync("[data-testid=live-progress]");
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(StudioAppFixture.ScreenshotDir, "models-start-failed.png"), FullPage = true });
            throw new InvalidOperationException("The run page did not open (" + page.Url + "):\n" + string.Join("\n", console) + "\n" + app.AppLog[^Math.Min(6000, app.AppLog.Length)..]);
        }
        var maxWhileRunning = 0;
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            var status = (await page.InnerTextAsync("[data-testid=run-status]")).Trim();
            if (status is not ("Running" or "Queued")) break;
            var points = int.Parse((await page.InnerTextAsync("[data-testid=curve-points]")).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            if (points > maxWhileRunning && points == 2)
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(StudioAppFixture.ScreenshotDir, "models-live-run.png"), FullPage = true });
            }
            maxWhileRunning = Math.Max(maxWhileRunning, points);
            await Task.Delay(150);
        }

        Assert.True(maxWhileRunning >= 2, $"only {maxWhileRunning} curve point(s) appeared while the run was running");
        await Assertions.Expect(page.Locator("[data-testid=run-status]")).ToHaveTextAsync("Succeeded", new() { Timeout = 120_000 });
        try
        {
            await page.WaitForSelectorAsync("[data-testid=roc-chart] .main-svg");
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(StudioAppFixture.ScreenshotDir, "models-evaluation-failed.png"), FullPage = true });
            throw new InvalidOperationException("No ROC chart:\n" + app.AppLog[^Math.Min(6000, app.AppLog.Length)..]);
        }
        var auc = double.Parse(await page.InnerTextAsync("[data-testid=metric-auc]"), System.Globalization.CultureInfo.CurrentCulture);
        Assert.InRange(auc, 0.4, 1.0);
        Assert.True(await page.Locator("[data-testid=roc-chart] .scatterlayer .trace").CountAsync() >= 2);
        await page.WaitForSelectorAsync("[data-testid=breakdown-table] tbody tr");
        await page.ScreenshotAsync(new() { Path = Path.Combine(StudioAppFixture.ScreenshotDir, "models-evaluation.png"), FullPage = true });

        await page.ClickAsync("[data-testid=register-model]");
        await Assertions.Expect(page.Locator("[data-testid=register-message]")).ToContainTextAsync("v1 (in use)");
        var runId = page.Url.Split('/')[^1];
        var list = await app.OpenAsync("models");
        await Assertions.Expect(list.Locator("[data-testid=runs-table] tbody tr")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(list.Locator("[data-testid=models-table] tbody tr")).Not.ToHaveCountAsync(0);
        await list.ScreenshotAsync(new() { Path = Path.Combine(StudioAppFixture.ScreenshotDir, "models-list.png"), FullPage = true });
        var compare = await app.OpenAsync($"models/compare?runs={runId}");
        await compare.WaitForSelectorAsync("[data-testid=compare-roc] .main-svg");
        Assert.Contains("AUC", await compare.InnerTextAsync("[data-testid=compare-table]"), StringComparison.Ordinal);
    }

    internal static async Task FillAsync(IPage page, string testId, string value)
    {
        var input = page.Locator($"[data-testid={testId}] input, input[data-testid={testId}]").First;
        await input.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(value);
        await page.ClickAsync("h4");
        await Assertions.Expect(input).ToHaveValueAsync(value);
    }

    /// <summary>Waits until the demo seeder's import job has stored the customers dataset (the real importer, as at any first start).</summary>
    private async Task EnsureDemoCustomersAsync()
    {
        var storage = new StudioStorageOptions { DataDir = app.DataDir };
        await using var services = new ServiceCollection().AddLogging().AddStudioData(storage).BuildServiceProvider();
        var contexts = services.GetRequiredService<IDbContextFactory<StudioDbContext>>();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            await using (var context = await contexts.CreateDbContextAsync())
            {
                if (await context.Datasets.AnyAsync(d => d.Name == "customers")) return;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The demo seeder did not import customers.csv within 120 s.");
            await Task.Delay(250);
        }
    }
}
