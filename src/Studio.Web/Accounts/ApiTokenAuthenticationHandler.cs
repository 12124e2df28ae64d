using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Studio.Data.Accounts;

namespace Studio.Web.Accounts;

/// <summary>
/// <c>Authorization: Bearer stp_…</c>: a personal access token, looked up on every request (a revoked or expired
/// token stops at once). A read token carries only the viewer role, so every write answers 403.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenStore tokens,
    UserManager<StudioUser> users) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "StudioToken";
    public const string WorkspaceClaim = "studio:token-workspace";

    public static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasBearer(Request)) return AuthenticateResult.NoResult();
        var presented = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        if (await tokens.ResolveAsync(presented, Context.RequestAborted) is not { } token)
            return AuthenticateResult.Fail("The token is unknown, revoked or expired.");
        if (await users.FindByIdAsync(token.UserId) is not { } user || await users.IsLockedOutAsync(user))
            return AuthenticateResult.Fail("The token's user is locked or deleted.");
        var roles = token.CanWrite ? await users.GetRolesAsync(user) : [StudioRoles.Viewer];
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, user.Id), new(ClaimTypes.Name, user.UserName!),
            .. roles.Select(r => new Claim(ClaimTypes.Role, r)),
        ];
        if (token.WorkspaceId is { } workspace) claims.Add(new Claim(WorkspaceClaim, workspace.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
