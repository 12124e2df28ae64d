using Studio.Data.Audit;
using Studio.Data.Storage;
using Studio.Web.Workspaces;

namespace Studio.Web.Hosting;

/// <summary>
/// Runs before the server accepts requests: migrate the database, sweep orphaned uploads (neither imported nor
/// kept), then seed the demo workspace once.
/// </summary>
internal sealed class StartupTasks(DatabaseInitializer database, UploadStore uploads, IAuditLog audit, DemoWorkspaceSeeder demo) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.InitializeAsync(cancellationToken);
        foreach (var id in uploads.SweepOrphans())
            await audit.RecordAsync(new AuditRecord(AuditActors.System, AuditAction.UploadDeleted, $"upload {id}", "orphan swept at start: neither imported nor kept"), cancellationToken);
        await demo.SeedIfEmptyAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
