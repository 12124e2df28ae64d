using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Studio.Data.Accounts;
using Studio.Web.Accounts;

namespace Studio.Web.IntegrationTests.Accounts;

[Collection(StudioWebCollection.Name)]
public sealed class ApiTokenTests(AccountsWebFactory app)
{
    private ApiTokenStore Tokens => app.Services.GetRequiredService<ApiTokenStore>();

    private async Task<string> AdminIdAsync() =>
        (await app.Services.GetRequiredService<UserAdministration>().ListAsync()).Single(u => u.UserName == AccountsWebFactory.AdminUser).Id;

    private HttpClient Bearer(string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static StringContent EmptyExperiment() =>
        new("""{"name":"","datasetId":1,"controlVariant":"a","mapping":{}}""", System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task ReadToken_ReadsButAWriteIs403()
    {
        var created = await Tokens.CreateAsync(await AdminIdAsync(), "read", canWrite: false, workspaceId: null, lifetime: null);
        using var client = Bearer(created.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/workspaces")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/workspaces/1/experiments", EmptyExperiment())).StatusCode);
    }

    [Fact]
    public async Task WriteToken_PassesAuthorizationToValidation()
    {
        var created = await Tokens.CreateAsync(await AdminIdAsync(), "write", canWrite: true, workspaceId: null, lifetime: null);
        using var client = Bearer(created.Token);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/workspaces/1/experiments", EmptyExperiment())).StatusCode);
    }

    [Fact]
    public async Task RevokedToken_StopsAtTheNextRequest()
    {
        var userId = await AdminIdAsync();
        var created = await Tokens.CreateAsync(userId, "soon revoked", canWrite: true, workspaceId: null, lifetime: null);
        using var client = Bearer(created.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/workspaces")).StatusCode);
        Assert.True(await Tokens.RevokeAsync(userId, created.Id));
        using var after = await client.GetAsync("/api/workspaces");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("Bearer", after.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task UnknownToken_401AndTheStoreKeepsOnlyHashes()
    {
        using var client = Bearer("stp_" + new string('x', 43));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/workspaces")).StatusCode);
        var created = await Tokens.CreateAsync(await AdminIdAsync(), "hashed", canWrite: false, workspaceId: null, lifetime: TimeSpan.FromDays(1));
        var row = (await Tokens.ListAsync(await AdminIdAsync())).Single(t => t.Id == created.Id);
        Assert.Equal(32, row.TokenHash.Length);
        Assert.Equal(Studio.Data.Storage.SecretTokens.Hash(created.Token), row.TokenHash);
    }

    [Fact]
    public async Task WorkspaceToken_OtherWorkspace403()
    {
        var created = await Tokens.CreateAsync(await AdminIdAsync(), "ws1", canWrite: false, workspaceId: 1, lifetime: null);
        using var client = Bearer(created.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/workspaces/1/experiments")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/workspaces/2/experiments")).StatusCode);
    }

    [Fact]
    public async Task Create_LifetimeOverAYear_RefusedNamingTheLimit()
    {
        var e = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            Tokens.CreateAsync("x", "long", canWrite: false, workspaceId: null, lifetime: TimeSpan.FromDays(400)));
        Assert.Equal("lifetime", e.ParamName);
    }

    [Fact]
    public async Task OpenApi_DescribesTheBearerScheme()
    {
        using var admin = await app.SignInAsync(AccountsWebFactory.AdminUser, AccountsWebFactory.AdminPassword);
        var document = await admin.GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"securitySchemes\"", document, StringComparison.Ordinal);
        Assert.Contains("\"scheme\": \"bearer\"", document, StringComparison.Ordinal);
    }
}
