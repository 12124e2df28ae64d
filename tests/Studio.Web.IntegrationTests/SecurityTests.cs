using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Studio.Data.Accounts;
using Studio.Data.Audit;
using Studio.Web.Accounts;
using Studio.Web.Security;

namespace Studio.Web.IntegrationTests;

public sealed class SecurityTests
{
    private static readonly byte[] SmallCsv = Encoding.UTF8.GetBytes("customer_id,age\nC1,30\n");

    [Fact]
    public async Task StateChangingApiCall_WithoutStudioHeader_Is403ProblemAndChangesNothing()
    {
        using var app = new StudioWebFactory();
        using var bare = app.CreateClient();

        using var upload = await Api.UploadAsync(bare, "a.csv", SmallCsv);
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        var problem = await Api.ProblemAsync(upload);
        Assert.Contains(CrossSiteRequestGuard.HeaderName, (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.False(Directory.Exists(app.UploadsDir) && Directory.EnumerateFileSystemEntries(app.UploadsDir).Any());

        // Body-less POSTs the issue names are refused the same way, before the endpoint runs.
        using var inUse = await bare.PostAsync("api/models/1/in-use", null);
        Assert.Equal(HttpStatusCode.Forbidden, inUse.StatusCode);
        using var encoding = await bare.PostAsync("api/datasets/1/encoding", null);
        Assert.Equal(HttpStatusCode.Forbidden, encoding.StatusCode);
        using var delete = await bare.DeleteAsync("api/segments/1");
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);

        // Reads need no header (a signed-in client without it).
        using var signedIn = app.CreateApiClient();
        signedIn.DefaultRequestHeaders.Remove(CrossSiteRequestGuard.HeaderName);
        using var read = await signedIn.GetAsync("api/workspaces");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task StateChangingApiCall_WithHeaderOrBearerToken_IsAccepted()
    {
        using var app = new StudioWebFactory();
        using var withHeader = app.CreateApiClient();
        using (var ok = await Api.UploadAsync(withHeader, "a.csv", SmallCsv)) Assert.Equal(HttpStatusCode.Created, ok.StatusCode);

        // A personal access token (not a browser: no cookie another site could ride on) needs no header.
        var adminId = (await app.Services.GetRequiredService<UserAdministration>().ListAsync()).Single(u => u.UserName == StudioWebFactory.AdminUser).Id;
        var token = await app.Services.GetRequiredService<ApiTokenStore>().CreateAsync(adminId, "upload", canWrite: true, workspaceId: null, lifetime: null);
        using var bearer = app.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new("Bearer", token.Token);
        using var viaToken = await Api.UploadAsync(bearer, "b.csv", SmallCsv);
        Assert.Equal(HttpStatusCode.Created, viaToken.StatusCode);
    }

    [Fact]
    public async Task EveryResponse_CarriesCspAndSecurityHeaders_HstsOnlyOverHttps()
    {
        using var app = new StudioWebFactory();
        using var http = app.CreateApiClient();
        foreach (var path in new[] { "", "api/workspaces", "api/no-such-route", "favicon.svg" })
        {
            using var response = await http.GetAsync(path);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"HSTS over plain HTTP on /{path}");
        }

        using var https = app.CreateApiClient("https://studio.example/");
        using var secure = await https.GetAsync("api/workspaces");
        Assert.StartsWith("max-age=", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnhandledApiException_Is500ProblemWithCorrelationId_DetailOnlyInLog()
    {
        const string secret = "/srv/studio/secret-path/studio.db is locked";
        using var app = new StudioWebFactory(services: s => s.AddSingleton<IAuditLog>(new ThrowingAuditLog(secret)));
        using var http = app.CreateApiClient();

        using var response = await http.GetAsync("api/audit");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var problem = await Api.ProblemAsync(response);
        var correlationId = (string)problem["correlationId"]!;
        Assert.False(string.IsNullOrWhiteSpace(correlationId));
        Assert.Contains(correlationId, (string)problem["detail"]!, StringComparison.Ordinal);
        foreach (var leak in new[] { "secret-path", "InvalidOperationException", "ThrowingAuditLog", " at ", ".cs:line", "<html" })
            Assert.DoesNotContain(leak, body, StringComparison.OrdinalIgnoreCase);

        var logged = app.Log.Where(l => l.Level == LogLevel.Error && l.Exception?.Message == secret).ToList();
        Assert.Contains(logged, l => l.Message.Contains(correlationId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApiRequestThatCannotBind_Is400ProblemNamingTheParameter()
    {
        using var app = new StudioWebFactory();
        using var http = app.CreateApiClient();

        using var noName = await http.PostAsync("api/uploads", new ByteArrayContent(SmallCsv));
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.Contains("fileName", (string)(await Api.ProblemAsync(noName))["detail"]!, StringComparison.Ordinal);

        using var badJson = await http.PostAsync("api/workspaces/1/datasets", new StringContent("""{"uploadId": 5}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Contains("$.uploadId", (string)(await Api.ProblemAsync(badJson))["detail"]!, StringComparison.Ordinal);

        using var unknown = await http.GetAsync("api/no-such-route");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(404, (int)(await Api.ProblemAsync(unknown))["status"]!);
    }

    [Fact]
    public async Task Uploads_PastTheRateLimit_Get429ProblemWithRetryAfter()
    {
        using var app = new StudioWebFactory(new()
        {
            ["Studio:RateLimits:uploads:PermitLimit"] = "2",
            ["Studio:RateLimits:uploads:WindowSeconds"] = "600",
        });
        using var http = app.CreateApiClient();
        for (var i = 0; i < 2; i++)
        {
            using var ok = await Api.UploadAsync(http, $"f{i}.csv", SmallCsv);
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }
        using var refused = await Api.UploadAsync(http, "f3.csv", SmallCsv);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("too many requests", (string)(await Api.ProblemAsync(refused))["detail"]!, StringComparison.OrdinalIgnoreCase);
        Assert.InRange(int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture), 1, 600);
        Assert.Equal(2, Directory.EnumerateDirectories(app.UploadsDir).Count());

        // Other endpoints are not limited by the upload policy.
        using var read = await http.GetAsync("api/workspaces");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task SignInAttempts_PastTheRateLimit_Get429_TheFormStillLoads()
    {
        using var app = new StudioWebFactory(new()
        {
            ["Studio:RateLimits:signin:PermitLimit"] = "2",
            ["Studio:RateLimits:signin:WindowSeconds"] = "600",
        });
        using var admin = app.CreateApiClient(); // creates the administrator through the setup link
        using var stranger = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        for (var i = 0; i < 2; i++)
        {
            using var attempt = await stranger.SignInAsync(StudioWebFactory.AdminUser, "not the password " + i);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, attempt.StatusCode);
        }

        using var refused = await stranger.SignInAsync(StudioWebFactory.AdminUser, StudioWebFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        using var form = await stranger.GetAsync("signin");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }

    [Fact]
    public async Task DesktopMode_WithoutTheLaunchKey_Is403_WithItGetsACookieAndIn()
    {
        var key = DesktopAccessKey.Create();
        using var app = new StudioWebFactory(services: s => s.AddSingleton(key));
        using var stranger = app.CreateApiClient();

        using (var page = await stranger.GetAsync("")) Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        using (var api = await stranger.GetAsync("api/workspaces")) Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        using (var wrong = await stranger.GetAsync("?studio-key=" + new string('0', 64))) Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);

        using var launch = await stranger.GetAsync(new Uri(key.LaunchUrl("http://localhost")));
        Assert.Equal(HttpStatusCode.Redirect, launch.StatusCode);
        Assert.Equal("/", launch.Headers.Location?.OriginalString);
        var cookie = Assert.Single(launch.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($"{DesktopAccessKey.CookieName}={key.Secret}", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        using var window = app.CreateApiClient(desktopCookie: $"{DesktopAccessKey.CookieName}={key.Secret}");
        using var inside = await window.GetAsync("api/workspaces");
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
    }

    [Fact]
    public async Task RestrictedAllowedHosts_RefuseAForeignHostName()
    {
        using var app = new StudioWebFactory(new() { ["AllowedHosts"] = "localhost;127.0.0.1" });
        using var http = app.CreateApiClient();
        using (var local = await http.GetAsync("api/workspaces")) Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        using var rebinding = new HttpRequestMessage(HttpMethod.Get, "api/workspaces");
        rebinding.Headers.Host = "attacker.example";
        using var refused = await http.SendAsync(rebinding);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public void DesktopLaunch_RestrictsAllowedHostsAndCreatesAKey()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        Studio.Web.Hosting.DesktopLauncher.Configure(builder);
        Assert.Equal("localhost;127.0.0.1", builder.Configuration["AllowedHosts"]);
        Assert.StartsWith("http://127.0.0.1:", builder.Configuration["urls"], StringComparison.Ordinal);
        var key = builder.Services.Single(d => d.ServiceType == typeof(DesktopAccessKey)).ImplementationInstance as DesktopAccessKey;
        Assert.Equal(64, key!.Secret.Length);
        Assert.NotEqual(key.Secret, DesktopAccessKey.Create().Secret);
        Assert.Equal($"http://127.0.0.1:5/?studio-key={key.Secret}", key.LaunchUrl("http://127.0.0.1:5"));
    }

    private sealed class ThrowingAuditLog(string message) : IAuditLog
    {
        public Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default) => throw new InvalidOperationException(message);

        public Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException(message);
    }
}
