namespace Studio.Web.Hosting;

/// <summary>
/// How the process was asked to run: as a web server (<c>--urls</c>, the default) or as a local desktop app
/// (<c>--desktop</c>: bind 127.0.0.1 on a free port and open the browser).
/// </summary>
public sealed record LaunchOptions(string[] Args, bool Desktop, string WebRoot, string ContentRoot)
{
    public const string DesktopFlag = "--desktop";

    public static LaunchOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var desktop = args.Contains(DesktopFlag, StringComparer.OrdinalIgnoreCase);
        var rest = args.Where(a => !string.Equals(a, DesktopFlag, StringComparison.OrdinalIgnoreCase)).ToArray();
        var roots = StudioPaths.Locate();
        return new LaunchOptions(rest, desktop, roots.WebRoot, roots.ContentRoot);
    }

    public WebApplicationOptions CreateWebApplicationOptions() => new()
    {
        Args = Args,
        WebRootPath = WebRoot,
        ContentRootPath = ContentRoot,
    };
}
