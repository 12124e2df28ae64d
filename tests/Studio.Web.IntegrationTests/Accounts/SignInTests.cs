using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Studio.Data.Accounts;
using Studio.Web.Accounts;

namespace Studio.Web.IntegrationTests.Accounts;

[Collection(StudioWebCollection.Name)]
public sealed class SignInTests(AccountsWebFactory app)
{
    private UserAdministration Accounts => app.Services.GetRequiredService<UserAdministration>();

    [Fact]
    public async Task SetupLink_AfterTheAdministratorExists_NoLongerWorks()
    {
        using var client = app.CreateBrowserClient();
        var page = await client.GetStringAsync(app.SetupPath);
        Assert.Contains("data-testid=\"setup-invalid\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"setup-form\"", page, StringComparison.Ordinal);
        Assert.Contains(app.Log, line => line.StartsWith("AdministratorCreated: Administrator admin created", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_RightPassword_CookieIsHttpOnlyAndRedirectsToTheReturnUrl()
    {
        using var client = app.CreateBrowserClient();
        using var page = await client.GetAsync("/signin?ReturnUrl=%2Fdata");
        var token = System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var response = await client.PostAsync("/signin?ReturnUrl=%2Fdata", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["_handler"] = "signin",
            ["Input.UserName"] = AccountsWebFactory.AdminUser, ["Input.Password"] = AccountsWebFactory.AdminPassword,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost/data", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("Studio.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/workspaces")).StatusCode);
    }

    [Fact]
    public async Task SignIn_ForeignReturnUrl_GoesHomeInstead()
    {
        using var client = app.CreateBrowserClient();
        using var response = await client.PostFormAsync("/signin?ReturnUrl=%2F%2Fevil.example", "signin",
            new() { ["Input.UserName"] = AccountsWebFactory.AdminUser, ["Input.Password"] = AccountsWebFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_WrongPassword_StaysOnTheFormWithAMessageAndLogsTheFailure()
    {
        using var client = app.CreateBrowserClient();
        using var response = await client.SignInAsync(AccountsWebFactory.AdminUser, "not the password at all");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The user name or password is not right.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(app.Log, line => line == "SignInFailed: Sign-in failed for admin");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/workspaces")).StatusCode);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountEvenForTheRightOne()
    {
        var name = "lockme-" + Guid.NewGuid().ToString("N")[..6];
        await Accounts.CreateUserAsync("tests", name, "the right password", StudioRoles.Analyst);
        using var client = app.CreateBrowserClient();
        for (var i = 0; i < 5; i++) (await client.SignInAsync(name, "a wrong password")).Dispose();
        using var response = await client.SignInAsync(name, "the right password");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("locked", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/workspaces")).StatusCode);
    }

    [Fact]
    public async Task CreateUser_ShortPassword_RefusedWithIdentitysReason()
    {
        var e = await Assert.ThrowsAsync<AccountException>(() => Accounts.CreateUserAsync("tests", "shorty", "short", StudioRoles.Viewer));
        Assert.Contains("at least 12 characters", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_UnknownRole_RefusedNamingTheRoles()
    {
        var e = await Assert.ThrowsAsync<AccountException>(() => Accounts.CreateUserAsync("tests", "someone", "long enough password", "owner"));
        Assert.Equal("Unknown role 'owner'; use one of administrator, analyst, viewer.", e.Message);
    }

    [Fact]
    public async Task SignOutEverywhere_EndsEverySessionOfTheUserAtTheNextRequest()
    {
        var name = "twice-" + Guid.NewGuid().ToString("N")[..6];
        using var first = await app.UserAsync(StudioRoles.Analyst, name);
        using var second = await app.SignInAsync(name, name + " password");
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/workspaces")).StatusCode);

        var id = (await Accounts.ListAsync()).Single(u => u.UserName == name).Id;
        await Accounts.SignOutEverywhereAsync("tests", id);

        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/workspaces")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/workspaces")).StatusCode);
    }

    [Fact]
    public async Task RoleChange_AnalystMadeViewer_OldSessionEndsAndANewOneCannotWrite()
    {
        var name = "demoted-" + Guid.NewGuid().ToString("N")[..6];
        using var client = await app.UserAsync(StudioRoles.Analyst, name);
        var id = (await Accounts.ListAsync()).Single(u => u.UserName == name).Id;
        await Accounts.SetRoleAsync("tests", id, StudioRoles.Viewer);
        // The role change renews the security stamp, so the old cookie (with the analyst role) is refused.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.DeleteAsync("/api/segments/1")).StatusCode);
        using var again = await app.SignInAsync(name, name + " password");
        Assert.Equal(HttpStatusCode.Forbidden, (await again.DeleteAsync("/api/segments/1")).StatusCode);
        Assert.Equal(StudioRoles.Viewer, (await Accounts.ListAsync()).Single(u => u.UserName == name).Role);
    }

    [Fact]
    public async Task SetRole_LastAdministrator_CannotBeDemoted()
    {
        var admin = (await Accounts.ListAsync()).Single(u => u.UserName == AccountsWebFactory.AdminUser);
        var e = await Assert.ThrowsAsync<AccountException>(() => Accounts.SetRoleAsync("tests", admin.Id, StudioRoles.Viewer));
        Assert.Equal("The last administrator cannot lose the administrator role.", e.Message);
    }
}
