using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Studio.Data.Accounts;

namespace Studio.Web.Accounts;

/// <summary>
/// Web mode, after the database is migrated: makes sure the three roles exist and, while no administrator exists,
/// prints the one-time setup link once the server knows its address.
/// </summary>
internal sealed class AccountsStartup(
    IServiceScopeFactory scopes,
    SetupLink setupLink,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<AccountsStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in StudioRoles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StudioUser>>();
        if ((await users.GetUsersInRoleAsync(StudioRoles.Administrator)).Count > 0) return;
        var token = setupLink.Issue();
        lifetime.ApplicationStarted.Register(() =>
        {
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
            AccountEvents.SetupLinkIssued(logger, $"{address.TrimEnd('/')}/setup/{token}");
        });
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
