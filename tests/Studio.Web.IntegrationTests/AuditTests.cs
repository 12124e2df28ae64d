using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Studio.Data;
using Studio.Data.Accounts;
using Studio.Data.Audit;
using Studio.Data.Experiments;
using Studio.Web.Accounts;
using Studio.Web.Security;

namespace Studio.Web.IntegrationTests;

public sealed class AuditTests
{
    private static readonly byte[] Customers = Encoding.UTF8.GetBytes("customer_id,age\nC1,30\nC2,40\nC3,50\n");

    [Fact]
    public async Task RecordedActions_EachWriteOneAuditLine_WithActorTargetAndRows()
    {
        using var app = new StudioWebFactory();
        using var http = app.CreateApiClient();

        var uploadId = await Api.UploadIdAsync(http, "customers.csv", Customers, Api.DemoWorkspaceId);
        var datasetId = await Api.ImportAsync(http, uploadId, "customers", "Customers");
        using var created = await http.PostAsJsonAsync($"api/workspaces/{Api.DemoWorkspaceId}/segments",
            new { name = "Two picks", datasetId, memberKeys = new[] { "C1", "C3" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var segmentId = (int)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var csv = await http.GetStringAsync($"api/segments/{segmentId}/export?format=csv&columns=customer_id");
        Assert.Equal(3, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"api/segments/{segmentId}")).StatusCode);

        var experimentId = await AddExperimentAsync(app, datasetId);
        using var link = await http.PostAsJsonAsync($"api/experiments/{experimentId}/share-links", new { expiresAt = (DateTimeOffset?)null });
        Assert.Equal(HttpStatusCode.Created, link.StatusCode);
        var linkId = (int)(await link.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"api/experiments/{experimentId}/share-links/{linkId}")).StatusCode);

        var lines = (await http.GetFromJsonAsync<JsonArray>("api/audit"))!.Select(l => l!.AsObject()).ToList();
        JsonObject One(string action) => Assert.Single(lines, l => (string)l["action"]! == action);

        var upload = One("Upload");
        Assert.Equal(StudioWebFactory.AdminUser, (string)upload["actor"]!);
        Assert.Equal("upload customers.csv", (string)upload["target"]!);
        Assert.Equal(Api.DemoWorkspaceId, (int)upload["workspaceId"]!);
        Assert.Equal(AuditActors.System, (string)One("UploadDeleted")["actor"]!);
        var export = One("SegmentExported");
        Assert.Equal(2, (long)export["rowCount"]!);
        Assert.Equal($"segment {segmentId} 'Two picks'", (string)export["target"]!);
        Assert.Contains("customer_id", (string)export["detail"]!, StringComparison.Ordinal);
        var deleted = One("SegmentDeleted");
        Assert.Equal(2, (long)deleted["rowCount"]!);
        Assert.Equal(StudioWebFactory.AdminUser, (string)deleted["actor"]!);
        Assert.Equal($"experiment {experimentId} share link {linkId}", (string)One("ShareLinkCreated")["target"]!);
        Assert.Equal($"experiment {experimentId} share link {linkId}", (string)One("ShareLinkRevoked")["target"]!);
        Assert.Equal(6, lines.Count);
        // Newest first.
        Assert.Equal("ShareLinkRevoked", (string)lines[0]["action"]!);
    }

    [Fact]
    public async Task AuditApi_FiltersByActorActionAndDate_ExportsCsv_RefusesUnknownOptions()
    {
        using var app = new StudioWebFactory();
        using var http = app.CreateApiClient();
        var log = app.Services.GetRequiredService<IAuditLog>();
        await log.RecordAsync(new AuditRecord("alice", AuditAction.SignIn, "user alice"));
        await log.RecordAsync(new AuditRecord("bob", AuditAction.SignInFailed, "user bob", "wrong password"));
        await log.RecordAsync(new AuditRecord("alice", AuditAction.RoleChanged, "user bob", "=viewer → analyst", WorkspaceId: 1));

        Assert.Equal(2, (await http.GetFromJsonAsync<JsonArray>("api/audit?actor=alice"))!.Count);
        var failed = Assert.Single((await http.GetFromJsonAsync<JsonArray>("api/audit?action=signinfailed"))!);
        Assert.Equal("bob", (string)failed!["actor"]!);
        var today = DateTime.UtcNow.Date;
        Assert.Equal(3, (await http.GetFromJsonAsync<JsonArray>($"api/audit?from={today:yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}"))!.Count);
        Assert.Empty((await http.GetFromJsonAsync<JsonArray>($"api/audit?to={today:yyyy-MM-dd}"))!);
        Assert.Single((await http.GetFromJsonAsync<JsonArray>("api/audit?limit=1"))!);

        var csv = await http.GetStringAsync("api/audit.csv?actor=alice");
        var rows = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("at_utc,actor,action,target,detail,rows,workspace_id", rows[0]);
        Assert.Equal(3, rows.Length);
        Assert.EndsWith(",alice,RoleChanged,user bob,'=viewer → analyst,,1", rows[1], StringComparison.Ordinal);

        foreach (var (query, field) in new[] { ("action=Explode", "action"), ("from=yesterday", "from"), ("limit=0", "limit"), ("who=alice", "'who'") })
        {
            using var bad = await http.GetAsync($"api/audit?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.StartsWith(field, ((string)(await Api.ProblemAsync(bad))["detail"]!).Replace("Unknown query option(s) ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SignedInUser_IsTheActor()
    {
        using var app = new StudioWebFactory();
        using var admin = app.CreateApiClient();
        await app.Services.GetRequiredService<UserAdministration>().CreateUserAsync(StudioWebFactory.AdminUser, "carol", "carol's long password", StudioRoles.Analyst);
        using var carol = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        carol.DefaultRequestHeaders.Add(CrossSiteRequestGuard.HeaderName, "1");
        Assert.Equal(HttpStatusCode.Redirect, (await carol.SignInAsync("carol", "carol's long password")).StatusCode);

        await Api.UploadIdAsync(carol, "c.csv", Customers);

        var line = Assert.Single(await app.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery(Action: AuditAction.Upload)));
        Assert.Equal("carol", line.Actor);
    }

    [Fact]
    public async Task SignInsFailuresAndRoleChanges_AreAuditLines()
    {
        using var app = new StudioWebFactory();
        using var admin = app.CreateApiClient();
        var accounts = app.Services.GetRequiredService<UserAdministration>();
        await accounts.CreateUserAsync(StudioWebFactory.AdminUser, "dave", "dave's long password", StudioRoles.Analyst);
        using var dave = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await dave.SignInAsync("dave", "not dave's password");
        await dave.SignInAsync("dave", "dave's long password");
        var daveId = (await accounts.ListAsync()).Single(u => u.UserName == "dave").Id;
        await accounts.SetRoleAsync(StudioWebFactory.AdminUser, daveId, StudioRoles.Viewer);

        var log = app.Services.GetRequiredService<IAuditLog>();
        var failed = Assert.Single(await log.QueryAsync(new AuditQuery(Action: AuditAction.SignInFailed)));
        Assert.Equal(("dave", "wrong user name or password"), (failed.Actor, failed.Detail));
        Assert.Contains(await log.QueryAsync(new AuditQuery(Action: AuditAction.SignIn)), line => line.Actor == "dave");
        var role = Assert.Single(await log.QueryAsync(new AuditQuery(Action: AuditAction.RoleChanged)));
        Assert.Equal((StudioWebFactory.AdminUser, "user dave", "analyst -> viewer"), (role.Actor, role.Target, role.Detail));
    }

    private static async Task<int> AddExperimentAsync(StudioWebFactory app, int datasetId)
    {
        await using var context = await app.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        var experiment = new ExperimentDefinition
        {
            WorkspaceId = Api.DemoWorkspaceId, Name = "Audit test", DatasetId = datasetId, DatasetVersion = 1,
            MappingJson = "{}", ControlVariant = "control", SpecOptionsJson = "{}", CreatedAt = DateTimeOffset.UtcNow,
        };
        context.ExperimentDefinitions.Add(experiment);
        await context.SaveChangesAsync();
        return experiment.Id;
    }
}
