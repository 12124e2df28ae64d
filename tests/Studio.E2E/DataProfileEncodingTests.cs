using Microsoft.Playwright;

namespace Studio.E2E;

/// <summary>What an analyst sees on the profile and encoding tabs, and the upload's file-change event.</summary>
[Collection(StudioAppCollection.Name)]
public sealed class DataProfileEncodingTests(StudioAppFixture app)
{
    private static string Shot(string name) => Path.Combine(StudioAppFixture.ScreenshotDir, name);

    [Fact]
    public async Task Upload_FileSetRightAfterLoad_ChangeEventReachesTheCircuit()
    {
        var file = Path.Combine(app.DataDir, "e2e-instant.csv");
        await File.WriteAllTextAsync(file, "customer_id,spend\n1,10\n2,20\n");
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var page = await app.OpenAsync("data/upload");
            // No wait for anything but the input itself: with prerendering off the input only exists once interactive.
            await page.SetInputFilesAsync("[data-testid=file-input]", file);
            await page.WaitForSelectorAsync("[data-testid=import-confirm]", new() { Timeout = 30_000 });
            Assert.Equal("Identifier", await page.InputValueAsync("[data-testid=type-0]"));
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task ProfileAndEncoding_DemoProducts_HistogramTopValuesAndFittedVocabularyVisible()
    {
        var page = await app.OpenAsync("data");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=datasets-table] tbody tr').length >= 5", null,
            new() { Timeout = 120_000 });
        await page.ClickAsync("[data-testid=datasets-table] >> text=products");
        await page.WaitForSelectorAsync("[data-testid=preview-table]");
        var datasetId = int.Parse(page.Url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        await page.ClickAsync("text=Profile");
        await page.WaitForSelectorAsync("[data-testid=profile-table]", new() { Timeout = 60_000 });
        // Numeric column: a histogram with bars.
        await page.ClickAsync("[data-testid=profile-table] >> text=price");
        var bars = page.Locator("[data-testid=profile-chart] .barlayer .point path");
        await Assertions.Expect(bars.First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.True(await bars.CountAsync() >= 5, "the price histogram should draw several bars");
        Assert.Contains("Distribution of price", await page.InnerTextAsync("[data-testid=profile-chart]"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Shot("data-profile-numeric.png"), FullPage = true });
        // Categorical column: top values as horizontal bars.
        await page.ClickAsync("[data-testid=profile-table] >> text=category");
        await Assertions.Expect(page.Locator("[data-testid=profile-chart]")).ToContainTextAsync("Top values of category", new() { Timeout = 30_000 });
        await Assertions.Expect(bars.First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.True(await bars.CountAsync() >= 2, "the category chart should draw a bar per top value");
        await page.ScreenshotAsync(new() { Path = Shot("data-profile-categorical.png"), FullPage = true });

        // Encoding: fit with the defaults, then the API serves what the page shows.
        await page.ClickAsync(".mud-tab:has-text('Encoding')");
        await page.WaitForSelectorAsync("[data-testid=encoding-empty]");
        await page.ClickAsync("[data-testid=fit-encoding]");
        await page.WaitForSelectorAsync("[data-testid=encoding-vocabularies]", new() { Timeout = 60_000 });
        Assert.Contains("category", await page.InnerTextAsync("[data-testid=encoding-vocabularies]"), StringComparison.Ordinal);
        Assert.Contains("price", await page.InnerTextAsync("[data-testid=encoding-scalers]"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Shot("data-encoding.png"), FullPage = true });
        var response = await page.APIRequest.GetAsync($"{app.BaseUrl}/api/datasets/{datasetId}/encoding");
        Assert.Equal(200, response.Status);
        var json = await response.TextAsync();
        Assert.Contains("\"vocabularies\"", json, StringComparison.Ordinal);
        Assert.Contains("\"unknownShareHeldOut\"", json, StringComparison.Ordinal);
    }
}
