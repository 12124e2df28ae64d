using System.Security.Cryptography;
using System.Text;

namespace Studio.Web.Security;

/// <summary>
/// Desktop mode's per-launch secret. The URL the launcher opens carries it once (<see cref="QueryName"/>); the
/// browser exchanges it for a cookie and is redirected to the same page without it. Any other request — another local
/// process on the loopback port — gets 403.
/// </summary>
public sealed record DesktopAccessKey(string Secret)
{
    public const string QueryName = "studio-key";
    public const string CookieName = "studio-desktop";

    public static DesktopAccessKey Create() => new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));

    public string LaunchUrl(string baseUrl) => $"{baseUrl.TrimEnd('/')}/?{QueryName}={Secret}";

    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(Secret));
}

internal sealed class DesktopAccessMiddleware(RequestDelegate next, DesktopAccessKey key)
{
    public Task InvokeAsync(HttpContext http)
    {
        var query = http.Request.Query[DesktopAccessKey.QueryName];
        if (query.Count > 0 && key.Matches(query.ToString()))
        {
            http.Response.Cookies.Append(DesktopAccessKey.CookieName, key.Secret, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Path = "/",
                IsEssential = true,
            });
            var rest = QueryString.Create(http.Request.Query.Where(q => q.Key != DesktopAccessKey.QueryName));
            http.Response.Redirect(http.Request.PathBase + http.Request.Path + rest);
            return Task.CompletedTask;
        }
        if (key.Matches(http.Request.Cookies[DesktopAccessKey.CookieName])) return next(http);
        return Results.Problem(
                title: "Not this desktop window",
                detail: "Studio in desktop mode answers only the browser window it opened (its launch URL carries a per-launch key). Start Studio again to get a new window.",
                statusCode: StatusCodes.Status403Forbidden)
            .ExecuteAsync(http);
    }
}
