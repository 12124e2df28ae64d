using Microsoft.Playwright;

namespace Studio.E2E;

/// <summary>Sign-in and roles in a real browser: the administrator adds users, each role reaches what it may.</summary>
[Collection(StudioAppCollection.Name)]
public sealed class AccountsTests(StudioAppFixture app)
{
    private static string Shot(string name) => Path.Combine(StudioAppFixture.ScreenshotDir, name);

    [Fact]
    public async Task Viewer_AddedByTheAdministrator_ReadsButCannotWriteOrAdminister()
    {
        const string password = "viewer password 1";
        var name = "e2e-viewer-" + Guid.NewGuid().ToString("N")[..4];
        await AddUserAsync(name, password, "viewer");

        var viewer = await app.SignInAsync(name, password);
        Assert.Equal($"{name} · viewer", (await viewer.InnerTextAsync("[data-testid=user-chip]")).Trim());
        await viewer.GotoAsync(app.BaseUrl + "/data");
        await viewer.WaitForSelectorAsync("[data-testid=datasets-table], [data-testid=no-datasets]", new() { Timeout = 60_000 });
        Assert.Equal(0, await viewer.Locator("[data-testid=upload-link]").CountAsync());
        await viewer.ScreenshotAsync(new() { Path = Shot("viewer-data.png"), FullPage = true });

        foreach (var path in new[] { "/data/upload", "/models/new", "/segments/new", "/admin/users" })
        {
            await viewer.GotoAsync(app.BaseUrl + path);
            Assert.StartsWith(app.BaseUrl + "/access-denied", viewer.Url, StringComparison.Ordinal);
        }
        var write = await viewer.APIRequest.PostAsync($"{app.BaseUrl}/api/workspaces/1/experiments", new() { DataObject = new { name = "x" } });
        Assert.Equal(403, write.Status);
        Assert.Equal(200, (await viewer.APIRequest.GetAsync($"{app.BaseUrl}/api/workspaces")).Status);

        await viewer.GotoAsync(app.BaseUrl + "/");
        await viewer.WaitForSelectorAsync("[data-testid=nav]");
        await viewer.ClickAsync("[data-testid=user-chip]");
        await viewer.ClickAsync("[data-testid=menu-signout]");
        await viewer.WaitForURLAsync(app.BaseUrl + "/signin");
        await viewer.GotoAsync(app.BaseUrl + "/data");
        Assert.StartsWith(app.BaseUrl + "/signin", viewer.Url, StringComparison.Ordinal);
        Assert.Equal(401, (await viewer.APIRequest.GetAsync($"{app.BaseUrl}/api/workspaces")).Status);
        await viewer.Context.CloseAsync();
    }

    [Fact]
    public async Task Analyst_AddedByTheAdministrator_ReachesTheUploadPageButNotUsers()
    {
        const string password = "analyst password 1";
        var name = "e2e-analyst-" + Guid.NewGuid().ToString("N")[..4];
        await AddUserAsync(name, password, "analyst");

        var analyst = await app.SignInAsync(name, password);
        await analyst.GotoAsync(app.BaseUrl + "/data/upload");
        await analyst.WaitForSelectorAsync("[data-testid=nav]");
        Assert.StartsWith(app.BaseUrl + "/data/upload", analyst.Url, StringComparison.Ordinal);
        await analyst.GotoAsync(app.BaseUrl + "/admin/users");
        Assert.StartsWith(app.BaseUrl + "/access-denied", analyst.Url, StringComparison.Ordinal);
        await analyst.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsWhyOnTheServerRenderedForm()
    {
        var page = await app.NewPageAsync(await app.NewContextAsync());
        await page.GotoAsync(app.BaseUrl + "/models");
        Assert.StartsWith(app.BaseUrl + "/signin", page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("script").CountAsync());
        await page.FillAsync("[data-testid=signin-user]", StudioAppFixture.AdminUser);
        await page.FillAsync("[data-testid=signin-password]", "not the password");
        await page.ClickAsync("[data-testid=signin-submit]");
        await Assertions.Expect(page.Locator("[data-testid=signin-error]")).ToContainTextAsync("not right");
        await page.ScreenshotAsync(new() { Path = Shot("signin-error.png") });
        await page.FillAsync("[data-testid=signin-user]", StudioAppFixture.AdminUser);
        await page.FillAsync("[data-testid=signin-password]", StudioAppFixture.AdminPassword);
        await page.ClickAsync("[data-testid=signin-submit]");
        await page.WaitForSelectorAsync("[data-testid=nav]");
        Assert.Equal(app.BaseUrl + "/models", page.Url);
        await page.Context.CloseAsync();
    }

    private async Task AddUserAsync(string name, string password, string role)
    {
        var admin = await app.OpenAsync("admin/users");
        await admin.WaitForSelectorAsync("[data-testid=users-table]");
        await admin.FillAsync("[data-testid=new-user-name]", name);
        await admin.FillAsync("[data-testid=new-user-password]", password);
        await admin.SelectOptionAsync("[data-testid=new-user-role]", role);
        await admin.ClickAsync("[data-testid=add-user]");
        await Assertions.Expect(admin.Locator($"[data-testid=user-row][data-user='{name}']")).ToContainTextAsync("active");
        Assert.Equal(role, await admin.Locator($"[data-testid=user-row][data-user='{name}'] [data-testid=user-role]").InputValueAsync());
        await admin.ScreenshotAsync(new() { Path = Shot("admin-users.png"), FullPage = true });
        await admin.Context.CloseAsync();
    }
}
