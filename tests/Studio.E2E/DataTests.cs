using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Studio.E2E;

[Collection(StudioAppCollection.Name)]
public sealed partial class DataTests(StudioAppFixture app)
{
    private const string Csv = "order_id,amount,segment,<b>note</b>\n1,10,a,x\n2,,b,y\n2,,b,y\n3,40,,z\n4,100,a,w\n";

    private static string Shot(string name) => Path.Combine(StudioAppFixture.ScreenshotDir, name);

    [Fact]
    public async Task UploadConfirmImportCleanDownload_SmallCsv_NewVersionHasRecipeApplied()
    {
        var file = Path.Combine(app.DataDir, "e2e-orders.csv");
        await File.WriteAllTextAsync(file, Csv);
        // The demo import runs as a job when the app starts; upload once it is done so the circuit is idle.
        var list = await app.OpenAsync("data");
        await WaitForDemoAsync(list);
        await list.CloseAsync();
        var page = await app.OpenAsync("data/upload");
        await page.WaitForSelectorAsync("[data-testid=choose-file]");
        // Through the chooser the button opens (Playwright's SetInputFilesAsync on the hidden input did not raise
        // Blazor's change event here).
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.ClickAsync("[data-testid=choose-file]"), new() { Timeout = 30_000 });
        await chooser.SetFilesAsync(file);
        // Confirm: sniff result, inferred types, a header with markup shown as text.
        try
        {
            await page.WaitForSelectorAsync("[data-testid=import-confirm]", new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new() { Path = Shot("data-upload-failed.png"), FullPage = true });
            throw new TimeoutException("No import confirmation. App log:\n" + app.AppLog);
        }
        catch (PlaywrightException)
        {
            await page.ScreenshotAsync(new() { Path = Shot("data-upload-failed.png"), FullPage = true });
            throw new TimeoutException("No import confirmation. App log:\n" + app.AppLog);
        }
        Assert.Contains("comma", (await page.InnerTextAsync("[data-testid=sniff-delimiter]")).ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Contains("<b>note</b>", await page.InnerTextAsync("[data-testid=confirm-table] thead"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-testid=confirm-table] thead b").CountAsync());
        Assert.Equal("Identifier", await page.InputValueAsync("[data-testid=type-0]"));
        Assert.Equal("NA, N/A, #N/A, null, -", await page.InputValueAsync("[data-testid=missing-tokens]"));
        await page.SelectOptionAsync("[data-testid=type-1]", "Decimal");
        await page.WaitForSelectorAsync("text=changed from Integer");
        await page.ScreenshotAsync(new() { Path = Shot("data-upload-confirm.png"), FullPage = true });

        await page.ClickAsync("[data-testid=import-button]");
        await page.WaitForSelectorAsync("[data-testid=upload-done]", new() { Timeout = 60_000 });
        // The upload went through studio.js with the X-Studio-Request header, under the CSP, and was audited.
        Assert.Empty(app.CspViolations);
        var audit = await (await page.APIRequest.GetAsync($"{app.BaseUrl}/api/audit?action=Upload")).TextAsync();
        Assert.Contains("\"target\":\"upload e2e-orders.csv\"", audit, StringComparison.Ordinal);
        await page.WaitForSelectorAsync("[data-testid=import-report-table]", new() { Timeout = 30_000 });
        Assert.Contains("chosen by the analyst", await page.InnerTextAsync("[data-testid=import-column-1]"), StringComparison.Ordinal);
        // The demo's events → customers checks do not concern this file and are not shown with it.
        Assert.Equal(0, await page.Locator("[data-testid=join-check]").CountAsync());
        await page.ScreenshotAsync(new() { Path = Shot("data-import-report.png"), FullPage = true });
        await page.ClickAsync("[data-testid=open-dataset]");
        await page.WaitForSelectorAsync("[data-testid=preview-table]");
        var datasetId = int.Parse(IdPattern().Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var dto = await page.APIRequest.GetAsync($"{app.BaseUrl}/api/datasets/{datasetId}");
         Assert.Contains("\"name\":\"amount\",\"type\":\"Decimal\"", await dto.TextAsync(), StringComparison.Ordinal);

        // Profile.
        await page.ClickAsync("text=Profile");
        await page.WaitForSelectorAsync("[data-testid=profile-table]");
        Assert.Equal("1", (await page.InnerTextAsync("[data-testid=duplicate-rows]")).Trim());
        await page.ClickAsync("[data-testid=profile-row-1]");
        await page.WaitForSelectorAsync("[data-testid=outlier-text]");
        await page.ScreenshotAsync(new() { Path = Shot("data-profile.png"), FullPage = true });

        // Recipe: median imputation, then drop duplicates; preview, apply.
        await page.ClickAsync("text=Recipe");
        await page.WaitForSelectorAsync("[data-testid=recipe-empty]");
        await page.SelectOptionAsync("[data-testid=step-editor] [data-testid=step-kind]", "Impute");
        await page.SelectOptionAsync("[data-testid=step-editor] [data-testid=step-column]", "amount");
        await page.SelectOptionAsync("[data-testid=step-editor] [data-testid=step-method]", "Median");
        await page.ClickAsync("[data-testid=save-step]");
        await Assertions.Expect(page.Locator("[data-testid=recipe-step]")).ToHaveCountAsync(1);
        await page.SelectOptionAsync("[data-testid=step-editor] [data-testid=step-kind]", "DropDuplicates");
        await page.ClickAsync("[data-testid=save-step]");
        await Assertions.Expect(page.Locator("[data-testid=recipe-step]")).ToHaveCountAsync(2);
        await page.ClickAsync("[data-testid=preview-recipe]");
        await Assertions.Expect(page.Locator("[data-testid=step-preview]")).ToHaveCountAsync(2);
        Assert.Contains("5 → 5 rows", await page.Locator("[data-testid=step-preview]").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("5 → 4 rows", await page.Locator("[data-testid=step-preview]").Nth(1).InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Shot("data-recipe.png"), FullPage = true });
        await page.ClickAsync("[data-testid=apply-recipe]");
        await page.WaitForSelectorAsync("[data-testid=apply-done]", new() { Timeout = 60_000 });
        await page.ClickAsync("[data-testid=open-new-version]");
        await page.WaitForURLAsync(new Regex(@"/data/(?!" + datasetId + @"$)\d+$"));
        await page.WaitForSelectorAsync("text=v2 ·");

        await page.ClickAsync("text=Lineage");
        await Assertions.Expect(page.Locator("[data-testid=lineage-entry]")).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new() { Path = Shot("data-lineage.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=download-csv]"));
        var saved = Path.Combine(app.DataDir, "download.csv");
        await download.SaveAsAsync(saved);
        Assert.Equal("e2e-orders-v2.csv", download.SuggestedFilename);
        var text = (await File.ReadAllTextAsync(saved)).TrimStart('\uFEFF');
        Assert.Equal("order_id,amount,segment,<b>note</b>\r\n1,10,a,x\r\n2,40,b,y\r\n3,40,,z\r\n4,100,a,w\r\n", text);
    }

    [Fact]
    public async Task ProfileRecipeDownload_DemoProducts_FilteredVersionDownloads()
    {
        var page = await app.OpenAsync("data");
        await WaitForDemoAsync(page);
        var console = new List<string>();
        page.Console += (_, m) => console.Add(m.Type + ": " + m.Text);
        page.PageError += (_, e) => console.Add("page error: " + e);
        await page.ClickAsync("[data-testid=datasets-table] >> text=products");
        try
        {
            await page.WaitForSelectorAsync("[data-testid=preview-table]");
        }
        catch (TimeoutException e)
        {
            await page.ScreenshotAsync(new() { Path = Shot("data-open-failed.png"), FullPage = true });
            throw new TimeoutException("Dataset page did not open. Console:\n" + string.Join("\n", console) + "\nApp log:\n" + app.AppLog, e);
        }
        await page.ClickAsync("text=Profile");
        await page.WaitForSelectorAsync("[data-testid=profile-table]", new() { Timeout = 60_000 });
        await page.ScreenshotAsync(new() { Path = Shot("data-profile-products.png"), FullPage = true });

        await page.ClickAsync("text=Recipe");
        await page.SelectOptionAsync("[data-testid=step-editor] [data-testid=step-kind]", "Filter");
        await page.SelectOptionAsync("[data-testid=step-editor] [data-testid=step-column]", "price");
        await page.SelectOptionAsync("[data-testid=step-editor] [data-testid=step-operator]", "GreaterThan");
        await page.FillAsync("[data-testid=step-editor] [data-testid=step-value]", "50");
        await page.PressAsync("[data-testid=step-editor] [data-testid=step-value]", "Tab");
        await page.ClickAsync("[data-testid=save-step]");
        await page.SelectOptionAsync("[data-testid=step-editor] [data-testid=step-kind]", "DropDuplicates");
        await page.ClickAsync("[data-testid=save-step]");
        await Assertions.Expect(page.Locator("[data-testid=recipe-step]")).ToHaveCountAsync(2);
        await page.ClickAsync("[data-testid=preview-recipe]");
        await Assertions.Expect(page.Locator("[data-testid=step-preview]")).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new() { Path = Shot("data-recipe-products.png"), FullPage = true });
        await page.ClickAsync("[data-testid=apply-recipe]");
        await page.WaitForSelectorAsync("[data-testid=apply-done]", new() { Timeout = 60_000 });
        await page.ClickAsync("[data-testid=open-new-version]");
        await page.WaitForSelectorAsync("text=v2 ·");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=download-csv]"));
        var saved = Path.Combine(app.DataDir, "products-v2.csv");
        await download.SaveAsAsync(saved);
        var lines = (await File.ReadAllLinesAsync(saved)).Select(l => l.TrimStart('\uFEFF')).ToList();
        Assert.Equal("product_id,category,subcategory,brand,price", lines[0]);
        var prices = lines.Skip(1).Select(l => double.Parse(l.Split(',')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(prices);
        Assert.All(prices, p => Assert.True(p > 50, $"price {p} should have been filtered out"));
        var source = await File.ReadAllLinesAsync(Path.Combine(StudioAppFixture.RepositoryRoot, "sample-datasets", "retail-demo", "products.csv"));
        Assert.Equal(source.Skip(1).Count(l => double.Parse(l.Split(',')[^1], System.Globalization.CultureInfo.InvariantCulture) > 50), prices.Count);
    }

    /// <summary>The demo import (a job at start) has listed all five demo datasets; other tests may have added more.</summary>
    private static Task WaitForDemoAsync(IPage page) =>
        page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=datasets-table] tbody tr').length >= 5", null,
            new() { Timeout = 120_000 });

    [GeneratedRegex(@"/data/(\d+)$")]
    private static partial Regex IdPattern();
}
