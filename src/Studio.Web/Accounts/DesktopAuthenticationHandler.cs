using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Studio.Data.Accounts;

namespace Studio.Web.Accounts;

/// <summary>
/// <c>--desktop</c> is single-user: every request is the local user, with every role, without a sign-in page.
/// </summary>
internal sealed class DesktopAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "StudioDesktop";
    public const string UserName = "local";

    public static ClaimsPrincipal LocalUser { get; } = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, UserName), new Claim(ClaimTypes.Name, UserName), .. StudioRoles.All.Select(r => new Claim(ClaimTypes.Role, r))],
        SchemeName));

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(LocalUser, SchemeName)));
}
