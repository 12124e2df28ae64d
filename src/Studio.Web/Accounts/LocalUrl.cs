namespace Studio.Web.Accounts;

/// <summary>Return URLs after sign-in: only paths on this site, never another host (open-redirect guard).</summary>
public static class LocalUrl
{
    public static string OrRoot(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
