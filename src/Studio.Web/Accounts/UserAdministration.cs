using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Studio.Data.Accounts;
using Studio.Data.Audit;

namespace Studio.Web.Accounts;

public sealed record UserSummary(string Id, string UserName, string Role, bool LockedOut, DateTimeOffset CreatedAt);

/// <summary>Raised for a request Identity refuses (weak password, taken name, unknown role); the message says why.</summary>
public sealed class AccountException(string message) : Exception(message);

/// <summary>
/// Users and roles, for the administrator page and the setup link. Each operation runs in its own DI scope, so a
/// long-lived circuit never holds a database context.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, SetupLink setupLink, TimeProvider clock, ILogger<UserAdministration> logger)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var all = await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var result = new List<UserSummary>(all.Count);
        foreach (var user in all)
        {
            var roles = await users.GetRolesAsync(user);
            result.Add(new UserSummary(user.Id, user.UserName!, roles.FirstOrDefault() ?? "", await users.IsLockedOutAsync(user), user.CreatedAt));
        }
        return result;
    }

    /// <summary>The setup link's one use: creates the first administrator. False when the link is not (or no longer) valid.</summary>
    public async Task<StudioUser?> CreateAdministratorAsync(string setupToken, string userName, string password)
    {
        if (!setupLink.IsValid(setupToken)) return null;
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        if ((await users.GetUsersInRoleAsync(StudioRoles.Administrator)).Count > 0) return null;
        var user = await CreateAsync(users, userName, password, StudioRoles.Administrator);
        setupLink.TryConsume(setupToken);
        AccountEvents.AdministratorCreated(logger, user.UserName!);
        return user;
    }

    public async Task CreateUserAsync(string actor, string userName, string password, string role)
    {
        RequireRole(role);
        await using var scope = scopes.CreateAsyncScope();
        await CreateAsync(Users(scope), userName, password, role);
        AccountEvents.UserCreated(logger, actor, userName, role);
    }

    /// <summary>Each user has exactly one role. Changing it renews the security stamp, which ends the user's sessions.</summary>
    public async Task SetRoleAsync(string actor, string userId, string role)
    {
        RequireRole(role);
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var user = await users.FindByIdAsync(userId) ?? throw new AccountException($"User {userId} does not exist.");
        var current = await users.GetRolesAsync(user);
        if (current.Contains(StudioRoles.Administrator) && role != StudioRoles.Administrator &&
            (await users.GetUsersInRoleAsync(StudioRoles.Administrator)).Count == 1)
            throw new AccountException("The last administrator cannot lose the administrator role.");
        Check(await users.RemoveFromRolesAsync(user, current));
        Check(await users.AddToRoleAsync(user, role));
        // Cookies would pick up the new role at their next validation, but an open circuit only compares the stamp.
        Check(await users.UpdateSecurityStampAsync(user));
        AccountEvents.RoleChanged(logger, actor, user.UserName!, role);
        await scope.ServiceProvider.GetRequiredService<IAuditLog>().RecordAsync(
            new AuditRecord(actor, AuditAction.RoleChanged, $"user {user.UserName}", $"{string.Join(", ", current)} -> {role}"));
    }

    public async Task SetLockedAsync(string actor, string userId, bool locked)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var user = await users.FindByIdAsync(userId) ?? throw new AccountException($"User {userId} does not exist.");
        Check(await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null));
        if (locked) Check(await users.UpdateSecurityStampAsync(user));
        AccountEvents.UserLockChanged(logger, actor, user.UserName!, locked);
    }

    /// <summary>Renews the security stamp: every cookie and circuit of the user stops within a minute.</summary>
    public async Task SignOutEverywhereAsync(string actor, string userId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var user = await users.FindByIdAsync(userId) ?? throw new AccountException($"User {userId} does not exist.");
        Check(await users.UpdateSecurityStampAsync(user));
        AccountEvents.SignedOutEverywhere(logger, user.UserName!, actor);
    }

    /// <summary>Signs the current request out; <paramref name="everywhere"/> also ends the user's other sessions.</summary>
    public async Task SignOutAsync(HttpContext http, bool everywhere)
    {
        var name = http.User.Identity?.Name ?? "";
        if (everywhere && http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id)
            await SignOutEverywhereAsync(name, id);
        await http.RequestServices.GetRequiredService<SignInManager<StudioUser>>().SignOutAsync();
        AccountEvents.SignedOut(logger, name);
    }

    /// <summary>
    /// After the OpenID Connect round trip: signs in the account linked to the external login, creating it as a
    /// viewer the first time (an administrator grants more).
    /// </summary>
    public async Task<bool> SignInExternalAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<StudioUser>>();
        if (await signIn.GetExternalLoginInfoAsync() is not { } info) return false;
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false);
        var name = info.Principal.FindFirstValue(ClaimTypes.Email) ?? info.Principal.Identity?.Name ?? info.ProviderKey;
        if (!result.Succeeded && !result.IsLockedOut && !result.IsNotAllowed)
        {
            var users = Users(scope);
            var user = new StudioUser { UserName = $"{info.LoginProvider}:{name}", CreatedAt = clock.GetUtcNow() };
            Check(await users.CreateAsync(user));
            Check(await users.AddToRoleAsync(user, StudioRoles.Viewer));
            Check(await users.AddLoginAsync(user, info));
            await signIn.SignInAsync(user, isPersistent: false);
            AccountEvents.UserCreated(logger, info.LoginProvider, user.UserName, StudioRoles.Viewer);
            result = Microsoft.AspNetCore.Identity.SignInResult.Success;
        }
        if (result.Succeeded) AccountEvents.SignInSucceeded(logger, name);
        else AccountEvents.SignInFailed(logger, name);
        return result.Succeeded;
    }

    private async Task<StudioUser> CreateAsync(UserManager<StudioUser> users, string userName, string password, string role)
    {
        var user = new StudioUser { UserName = userName.Trim(), CreatedAt = clock.GetUtcNow() };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    private static UserManager<StudioUser> Users(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<UserManager<StudioUser>>();

    private static void RequireRole(string role)
    {
        if (!StudioRoles.All.Contains(role))
            throw new AccountException($"Unknown role '{role}'; use one of {string.Join(", ", StudioRoles.All)}.");
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new AccountException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
