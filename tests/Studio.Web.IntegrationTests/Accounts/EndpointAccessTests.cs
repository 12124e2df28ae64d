using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Studio.Data.Accounts;

namespace Studio.Web.IntegrationTests.Accounts;

/// <summary>Every /api endpoint, enumerated from the app's own routing table, against each kind of caller.</summary>
[Collection(StudioWebCollection.Name)]
public sealed partial class EndpointAccessTests(AccountsWebFactory app)
{
    [Fact]
    public async Task EveryApiEndpoint_Anonymous_401UnlessItIsAShareEndpoint()
    {
        using var client = app.CreateBrowserClient();
        var endpoints = ApiEndpoints();
        Assert.True(endpoints.Count > 40, $"only {endpoints.Count} endpoints found");
        var wrong = new List<string>();
        var anonymous = new List<string>();
        foreach (var (method, path, endpoint) in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                anonymous.Add(endpoint.RoutePattern.RawText!);
                continue;
            }
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            if (response.StatusCode != HttpStatusCode.Unauthorized) wrong.Add($"{method} {path} → {(int)response.StatusCode}");
        }
        Assert.Empty(wrong);
        // The only anonymous API: the share readout and the report endpoints that demand a share token.
        Assert.Equal(
            ["/api/experiments/{id:int}/readout", "/api/experiments/{id:int}/report.html", "/api/experiments/{id:int}/results.csv", "/api/share/{token}"],
            anonymous.Order().ToArray());
    }

    [Fact]
    public async Task EveryApiWriteEndpoint_Viewer_403()
    {
        using var viewer = await app.UserAsync(StudioRoles.Viewer);
        var writes = ApiEndpoints().Where(e => e.Method is not ("GET" or "HEAD")).ToList();
        Assert.True(writes.Count > 15, $"only {writes.Count} write endpoints found");
        var wrong = new List<string>();
        foreach (var (method, path, _) in writes)
        {
            using var response = await viewer.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            if (response.StatusCode != HttpStatusCode.Forbidden) wrong.Add($"{method} {path} → {(int)response.StatusCode}");
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task ReadEndpoint_Viewer_Answers()
    {
        using var viewer = await app.UserAsync(StudioRoles.Viewer);
        using var response = await viewer.GetAsync("/api/workspaces");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Retail demo", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteEndpoint_Analyst_PassesAuthorizationAndReachesValidation()
    {
        using var analyst = await app.UserAsync(StudioRoles.Analyst);
        using var response = await analyst.PostAsync("/api/workspaces/1/experiments",
            new StringContent("""{"name":"","datasetId":1,"controlVariant":"a","mapping":{}}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Pages_Anonymous_RedirectToSignInWithReturnUrl()
    {
        using var client = app.CreateBrowserClient();
        foreach (var path in new[] { "/", "/data", "/models", "/experiments/1", "/admin/users", "/jobs" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/signin?ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location!.PathAndQuery);
        }
        using var openApi = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.Unauthorized, openApi.StatusCode);
        using var signIn = await client.GetAsync("/signin");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Fact]
    public async Task AdministratorPage_Analyst_Forbidden()
    {
        using var analyst = await app.UserAsync(StudioRoles.Analyst);
        using var response = await analyst.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportApi_AnonymousWithUnknownShareToken_401NamingTheToken()
    {
        using var client = app.CreateBrowserClient();
        using var response = await client.GetAsync("/api/experiments/1/readout?share=not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("share token is not valid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_DescribesNoAccountEndpoints()
    {
        using var admin = await app.SignInAsync(AccountsWebFactory.AdminUser, AccountsWebFactory.AdminPassword);
        var document = await admin.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/workspaces", document, StringComparison.Ordinal);
        Assert.DoesNotContain("/signout", document, StringComparison.Ordinal);
    }

    private List<(string Method, string Path, RouteEndpoint Endpoint)> ApiEndpoints() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, RouteParameter().Replace(e.RoutePattern.RawText!, p => p.Value.Contains(":guid", StringComparison.Ordinal) ? Guid.Empty.ToString() : "1"), e)))];

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
