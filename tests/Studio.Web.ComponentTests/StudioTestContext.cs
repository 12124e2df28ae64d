using Bunit;
using Bunit.TestDoubles;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Studio.Analysis;
using Studio.Analysis.Ingest;
using Studio.Core.Datasets;
using Studio.Data;
using Studio.Data.Datasets;
using Studio.Data.Jobs;
using Studio.Data.Storage;
using Studio.Data.Workspaces;
using Studio.Data.Accounts;
using Studio.Ml;
using Studio.Web.Audit;
using Studio.Web.Accounts;
using Studio.Web.Hosting;
using Studio.Web.Workspaces;

namespace Studio.Web.ComponentTests;

/// <summary>
/// The one bUnit context for Studio's components: MudBlazor services, loose JS interop, and a real SQLite store
/// in a temporary folder (migrated), so components talk to the same storage code as the app.
/// </summary>
public class StudioTestContext : BunitContext, IAsyncLifetime
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "studio-bunit-" + Guid.NewGuid().ToString("N")[..8]);

    public StudioTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Storage = new StudioStorageOptions { DataDir = _dataDir };
        Services.AddStudioData(Storage);
        Services.AddStudioMl();
        Services.AddStudioAnalysis();
        Services.AddScoped<WorkspaceState>();
        Services.AddHttpContextAccessor();
        Services.AddScoped<AuditTrail>();
        Services.AddSingleton(new LaunchOptions([], Desktop: false, WebRoot: "", ContentRoot: ""));
        // Components render for a signed-in analyst unless a test changes the user (SignInAs).
        Authorization = AddAuthorization();
        SignInAs(StudioRoles.Analyst);
        Directory.CreateDirectory(_dataDir);
        using var context = Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContext();
        context.Database.Migrate();
    }

    public StudioStorageOptions Storage { get; }
    public BunitAuthorizationContext Authorization { get; }

    /// <summary>The user components see: named after the role, with that role and the policies it grants.</summary>
    public void SignInAs(string role)
    {
        Authorization.SetAuthorized(role);
        Authorization.SetRoles(role);
        Authorization.SetPolicies(
        [
            .. StudioRoles.Writers.Contains(role) ? [StudioPolicies.Write] : Array.Empty<string>(),
            .. role == StudioRoles.Administrator ? [StudioPolicies.Administer] : Array.Empty<string>(),
        ]);
    }
    public JobNotifier Notifier => Services.GetRequiredService<JobNotifier>();
    public DatasetRepository Datasets => Services.GetRequiredService<DatasetRepository>();

    /// <summary>Adds a workspace and returns its id.</summary>
    public async Task<int> CreateWorkspaceAsync(string name = "Retail demo")
    {
        await using var context = CreateDbContext();
        var workspace = new Workspace { Name = name, CreatedAt = DateTimeOffset.UtcNow };
        context.Workspaces.Add(workspace);
        await context.SaveChangesAsync();
        return workspace.Id;
    }

    /// <summary>Imports a CSV through the real importer, as an upload would.</summary>
    public Task<Dataset> ImportCsvAsync(int workspaceId, string path, string name, DatasetRole role = DatasetRole.Customers) =>
        Services.GetRequiredService<IDatasetImporter>().ImportAsync(new ImportRequest(workspaceId, path, name, role), null, CancellationToken.None);

    public StudioDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContext();

    // MudBlazor's PopoverService is only IAsyncDisposable, so the container must be disposed asynchronously;
    // xunit 2 calls IAsyncLifetime.DisposeAsync first, and bUnit's later Dispose() then finds nothing left to do.
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // Temp folder cleanup is best effort.
        }
    }
}
