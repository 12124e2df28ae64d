using Studio.Data.Storage;
using Studio.Web.Workspaces;

namespace Studio.Web.Hosting;

/// <summary>Runs before the server accepts requests: migrate the database, then seed the demo workspace once.</summary>
internal sealed class StartupTasks(DatabaseInitializer database, DemoWorkspaceSeeder demo) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.InitializeAsync(cancellationToken);
        await demo.SeedIfEmptyAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
