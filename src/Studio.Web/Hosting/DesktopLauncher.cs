using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Studio.Web.Security;

namespace Studio.Web.Hosting;

/// <summary>
/// <c>--desktop</c>: serve only this machine (127.0.0.1, a free port) and open the default browser, in an app
/// window where Chrome, Chromium or Edge is installed. Only that window gets in: the opened URL carries a per-launch
/// key (<see cref="DesktopAccessKey"/>), and only <c>localhost</c>/<c>127.0.0.1</c> are accepted as host names.
/// Desktop mode is single-user and has no sign-in.
/// </summary>
internal static partial class DesktopLauncher
{
    public static void Configure(IHostApplicationBuilder builder)
    {
        var port = FreeLoopbackPort();
        builder.Configuration["urls"] = $"http://127.0.0.1:{port}";
        // A page on another site cannot reach this port under a name it controls (DNS rebinding).
        builder.Configuration["AllowedHosts"] = "localhost;127.0.0.1";
        builder.Services.AddSingleton(DesktopAccessKey.Create());
        builder.Services.AddHostedService<OpenBrowserWhenStarted>();
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static ProcessStartInfo BrowserCommand(string url)
    {
        foreach (var candidate in AppWindowBrowsers())
        {
            if (File.Exists(candidate))
                return new ProcessStartInfo(candidate, [$"--app={url}", "--no-first-run"]) { UseShellExecute = false };
        }
        if (OperatingSystem.IsWindows()) return new ProcessStartInfo(url) { UseShellExecute = true };
        return new ProcessStartInfo(OperatingSystem.IsMacOS() ? "open" : "xdg-open", [url]) { UseShellExecute = false };
    }

    private static IEnumerable<string> AppWindowBrowsers()
    {
        if (OperatingSystem.IsWindows())
        {
            var programFiles = Environment.GetFolderPath(Environment.SpecialFolder.ProgramFilesX86);
            yield return Path.Combine(programFiles, "Microsoft", "Edge", "Application", "msedge.exe");
            yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles), "Google", "Chrome", "Application", "chrome.exe");
        }
        else if (OperatingSystem.IsMacOS())
        {
            yield return "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
            yield return "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge";
        }
        else
        {
            foreach (var name in new[] { "google-chrome", "chromium", "chromium-browser", "microsoft-edge" })
                yield return Path.Combine("/usr/bin", name);
        }
    }

    private sealed partial class OpenBrowserWhenStarted(IServer server, DesktopAccessKey key, IHostApplicationLifetime lifetime, ILogger<OpenBrowserWhenStarted> logger)
        : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStarted.Register(() =>
            {
                var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
                if (address is null) return;
                var url = key.LaunchUrl(address);
                LogOpening(logger, address);
                try
                {
                    using var process = Process.Start(BrowserCommand(url));
                }
                catch (System.ComponentModel.Win32Exception ex)
                {
                    LogNoBrowser(logger, ex, url);
                }
            });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Information, Message = "Studio desktop: opening {Url} with this launch's key")]
        private static partial void LogOpening(ILogger logger, string url);

        [LoggerMessage(Level = LogLevel.Warning, Message = "No browser could be started; open {Url} yourself")]
        private static partial void LogNoBrowser(ILogger logger, Exception exception, string url);
    }
}
