using Microsoft.AspNetCore.Components.Authorization;
using Studio.Data.Accounts;

namespace Studio.Web.Accounts;

/// <summary>For components that show a write action inside a read page: disabled for viewers (the server refuses them anyway).</summary>
public static class WriteAccess
{
    public static async Task<bool> CanWriteAsync(Task<AuthenticationState>? authentication) =>
        authentication is not null && StudioRoles.Writers.Any((await authentication).User.IsInRole);
}
