using Microsoft.Playwright;

namespace Studio.E2E;

[Collection(StudioAppCollection.Name)]
public sealed class AuditPageTests(StudioAppFixture app)
{
    [Fact]
    public async Task AuditPage_FilteredByAction_ListsTheUploadAndExportsCsv()
    {
        using var http = app.CreateApiClient();
        using var body = new ByteArrayContent("a,b\n1,2\n"u8.ToArray());
        body.Headers.ContentType = new("application/octet-stream");
        using var upload = await http.PostAsync("api/uploads?fileName=audit-e2e.csv&workspaceId=1", body);
        Assert.Equal(System.Net.HttpStatusCode.Created, upload.StatusCode);

        var page = await app.OpenAsync("audit");
        await page.ClickAsync("[data-testid=audit-action]");
        await page.ClickAsync(".mud-popover-open .mud-list-item >> text=Upload");
        await page.ClickAsync("[data-testid=audit-apply]");
        await Assertions.Expect(page.Locator("[data-testid=audit-table] tbody")).ToContainTextAsync("upload audit-e2e.csv");
        // The unfiltered table lists the upload too: wait for the filtered render, where no other action is left.
        await Assertions.Expect(page.Locator("[data-testid=audit-table] tbody tr").Filter(new() { HasNotText = "Upload" })).ToHaveCountAsync(0);
        var rows = await page.Locator("[data-testid=audit-table] tbody tr").AllInnerTextsAsync();
        Assert.All(rows, r => Assert.Contains("Upload", r, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(StudioAppFixture.AdminUser, StringComparison.Ordinal) && r.Contains("audit-e2e.csv", StringComparison.Ordinal));
        await page.ScreenshotAsync(new() { Path = Path.Combine(StudioAppFixture.ScreenshotDir, "audit.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=audit-export]"));
        var path = Path.Combine(app.DataDir, "audit.csv");
        await download.SaveAsAsync(path);
        var lines = (await File.ReadAllLinesAsync(path)).Skip(1).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Contains(",Upload,", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("upload audit-e2e.csv", StringComparison.Ordinal));
        Assert.Empty(app.CspViolations);
    }
}
