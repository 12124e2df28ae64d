using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Studio.Data.Audit;
using Studio.Data.Storage;

namespace Studio.Web.IntegrationTests;

public sealed class UploadRetentionTests
{
    private static readonly byte[] Customers = Encoding.UTF8.GetBytes("customer_id,age\nC1,30\nC2,40\nC3,50\n");

    [Fact]
    public async Task Upload_OverThePerUploadLimit_Is413NamingTheLimit_AndLeavesNothing()
    {
        using var app = new StudioWebFactory(new() { [UploadStore.MaxBytesKey] = "1000" });
        using var http = app.CreateApiClient();
        using var response = await Api.UploadAsync(http, "big.csv", new byte[2000]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var detail = (string)(await Api.ProblemAsync(response))["detail"]!;
        Assert.Contains("big.csv", detail, StringComparison.Ordinal);
        Assert.Contains(UploadStore.MaxBytesKey, detail, StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(app.UploadsDir) ? Directory.EnumerateFileSystemEntries(app.UploadsDir) : []);
    }

    [Fact]
    public async Task Upload_PastTheWorkspaceQuota_Is413NamingTheWorkspaceQuota()
    {
        using var app = new StudioWebFactory(new() { [UploadStore.MaxWorkspaceBytesKey] = "1500" });
        using var http = app.CreateApiClient();
        using (var first = await Api.UploadAsync(http, "one.csv", new byte[1000], Api.DemoWorkspaceId))
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var second = await Api.UploadAsync(http, "two.csv", new byte[1000], Api.DemoWorkspaceId);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, second.StatusCode);
        var detail = (string)(await Api.ProblemAsync(second))["detail"]!;
        Assert.Contains($"workspace {Api.DemoWorkspaceId}", detail, StringComparison.Ordinal);
        Assert.Contains(UploadStore.MaxWorkspaceBytesKey, detail, StringComparison.Ordinal);

        // 500 bytes are left: a file that fits is still taken; an unknown workspace is refused by name.
        using (var fits = await Api.UploadAsync(http, "three.csv", new byte[500], Api.DemoWorkspaceId))
            Assert.Equal(HttpStatusCode.Created, fits.StatusCode);
        using var nowhere = await Api.UploadAsync(http, "x.csv", new byte[10], 999);
        Assert.Equal(HttpStatusCode.NotFound, nowhere.StatusCode);
        Assert.Contains("workspaceId", (string)(await Api.ProblemAsync(nowhere))["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_DeletesTheUpload_UnlessKept()
    {
        using var app = new StudioWebFactory();
        using var http = app.CreateApiClient();

        var dropped = await Api.UploadIdAsync(http, "customers.csv", Customers, Api.DemoWorkspaceId);
        await Api.ImportAsync(http, dropped, "customers", "Customers");
        using (var gone = await http.GetAsync($"api/uploads/{dropped}")) Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.False(Directory.Exists(Path.Combine(app.UploadsDir, dropped)));

        var kept = await Api.UploadIdAsync(http, "customers.csv", Customers, Api.DemoWorkspaceId);
        await Api.ImportAsync(http, kept, "customers again", "Customers", keepUpload: true);
        var upload = (await http.GetFromJsonAsync<JsonObject>($"api/uploads/{kept}"))!;
        Assert.True((bool)upload["kept"]!);
        Assert.Equal(Customers.Length, (long)upload["bytes"]!);

        var log = app.Services.GetRequiredService<IAuditLog>();
        var deleted = Assert.Single(await log.QueryAsync(new AuditQuery(Action: AuditAction.UploadDeleted)));
        Assert.Equal(AuditActors.System, deleted.Actor);
        Assert.Contains(dropped, deleted.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SweepsOrphanedUploads_KeepsKeptOnes()
    {
        using var app = new StudioWebFactory();
        var orphan = "0123456789abcdef0123456789abcdef";
        var half = "fedcba9876543210fedcba9876543210";
        var kept = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        Directory.CreateDirectory(Path.Combine(app.UploadsDir, orphan));
        await File.WriteAllTextAsync(Path.Combine(app.UploadsDir, orphan, "never-imported.csv"), "a\n1\n");
        await File.WriteAllTextAsync(Path.Combine(app.UploadsDir, orphan + ".json"), """{"WorkspaceId":1,"Kept":false}""");
        Directory.CreateDirectory(Path.Combine(app.UploadsDir, half));
        Directory.CreateDirectory(Path.Combine(app.UploadsDir, kept));
        await File.WriteAllTextAsync(Path.Combine(app.UploadsDir, kept, "keep-me.csv"), "a\n1\n");
        await File.WriteAllTextAsync(Path.Combine(app.UploadsDir, kept + ".json"), """{"WorkspaceId":1,"Kept":true}""");
        Directory.CreateDirectory(Path.Combine(app.UploadsDir, "not-ours"));

        using var http = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"api/uploads/{orphan}")).StatusCode);
        Assert.False(Directory.Exists(Path.Combine(app.UploadsDir, orphan)));
        Assert.False(File.Exists(Path.Combine(app.UploadsDir, orphan + ".json")));
        Assert.False(Directory.Exists(Path.Combine(app.UploadsDir, half)));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"api/uploads/{kept}")).StatusCode);
        Assert.True(Directory.Exists(Path.Combine(app.UploadsDir, "not-ours")));

        var swept = await app.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery(Action: AuditAction.UploadDeleted));
        Assert.Equal([orphan, half], swept.Select(s => s.Target.Replace("upload ", "", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }
}
