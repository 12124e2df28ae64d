using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;

namespace Studio.E2E;

/// <summary>
/// Starts the real app (its own build output) on a free loopback port with a temporary data folder, and Debian's
/// Chromium through Playwright. Shared by every browser test in the collection. The administrator is created
/// through the one-time setup link the app prints, and every page the fixture opens is signed in as that user.
/// </summary>
public sealed class StudioAppFixture : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    public const string AdminUser = "e2e-admin";
    public const string AdminPassword = "e2e admin password 1";
    private readonly StringBuilder _log = new();
    private readonly List<string> _cspViolations = [];
    private Process? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "studio-e2e-" + Guid.NewGuid().ToString("N")[..8]);
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The administrator's cookies; every context from <see cref="NewPageAsync"/> starts with them.</summary>
    public string AdminStorageState { get; private set; } = "";
    public static string RepositoryRoot { get; } = FindRepositoryRoot();
    public static string ScreenshotDir { get; } = Path.Combine(RepositoryRoot, "tests", "Studio.E2E", "screenshots");

    public string AppLog
    {
        get
        {
            lock (_log) return _log.ToString();
        }
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataDir);
        Directory.CreateDirectory(ScreenshotDir);
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var appDll = LocateAppDll();
        var start = new ProcessStartInfo("dotnet", [appDll, "--urls", BaseUrl])
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["STUDIO_DATA_DIR"] = DataDir;
        // Every browser test signs in from 127.0.0.1; the sign-in limit (10 in 5 minutes) is tested in the web tests.
        start.Environment["Studio__RateLimits__signin__PermitLimit"] = "1000";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        _app = Process.Start(start) ?? throw new InvalidOperationException("could not start the app");
        _app.OutputDataReceived += (_, e) => Append(e.Data);
        _app.ErrorDataReceived += (_, e) => Append(e.Data);
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();
        await WaitUntilServingAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
        await CreateAdministratorAsync();
    }

    /// <summary>Opens the setup link the app printed, creates the administrator, and keeps its signed-in cookies.</summary>
    private async Task CreateAdministratorAsync()
    {
        var link = System.Text.RegularExpressions.Regex.Match(AppLog, @"Open (\S+/setup/[A-Za-z0-9_-]+) once");
        if (!link.Success) throw new InvalidOperationException("The app printed no setup link:\n" + AppLog);
        var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(link.Groups[1].Value);
        await page.FillAsync("[data-testid=setup-user]", AdminUser);
        await page.FillAsync("[data-testid=setup-password]", AdminPassword);
        await page.FillAsync("[data-testid=setup-confirm]", AdminPassword);
        await page.ClickAsync("[data-testid=setup-submit]");
        await page.WaitForSelectorAsync("[data-testid=nav]", new() { Timeout = 60_000 });
        AdminStorageState = await context.StorageStateAsync();
        await context.CloseAsync();
    }

    /// <summary>A browser context without any cookie (a stranger), or signed in with the given storage state.</summary>
    public Task<IBrowserContext> NewContextAsync(string? storageState = null) => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        AcceptDownloads = true,
        StorageState = storageState,
    });

    /// <summary>Signs a fresh context in through the sign-in form and returns it on the overview page.</summary>
    public async Task<IPage> SignInAsync(string userName, string password)
    {
        var page = await NewPageAsync(await NewContextAsync());
        await page.GotoAsync(BaseUrl + "/signin");
        await page.FillAsync("[data-testid=signin-user]", userName);
        await page.FillAsync("[data-testid=signin-password]", password);
        await page.ClickAsync("[data-testid=signin-submit]");
        await page.WaitForSelectorAsync("[data-testid=nav]", new() { Timeout = 60_000 });
        return page;
    }

    /// <summary>The header every state-changing API call needs (see the app's CrossSiteRequestGuard).</summary>
    public static IReadOnlyDictionary<string, string> ApiHeaders { get; } = new Dictionary<string, string> { ["X-Studio-Request"] = "1" };

    /// <summary>An HTTP client for the app's API: the administrator's sign-in cookie and <see cref="ApiHeaders"/>.</summary>
    public HttpClient CreateApiClient()
    {
        var cookies = new CookieContainer();
        using var state = System.Text.Json.JsonDocument.Parse(AdminStorageState);
        foreach (var cookie in state.RootElement.GetProperty("cookies").EnumerateArray())
        {
            cookies.Add(new System.Net.Cookie(cookie.GetProperty("name").GetString()!, cookie.GetProperty("value").GetString(),
                cookie.GetProperty("path").GetString(), cookie.GetProperty("domain").GetString()));
        }
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(BaseUrl + "/"), Timeout = TimeSpan.FromSeconds(30) };
        foreach (var (name, value) in ApiHeaders) http.DefaultRequestHeaders.Add(name, value);
        return http;
    }

    /// <summary>Content-Security-Policy violations the browser reported on pages this fixture opened.</summary>
    public IReadOnlyList<string> CspViolations
    {
        get
        {
            lock (_cspViolations) return [.. _cspViolations];
        }
    }

    /// <summary>Chromium reports a blocked load, inline script or eval as a console error naming the policy.</summary>
    public static bool IsCspViolation(IConsoleMessage message) =>
        message.Text.Contains("Content Security Policy", StringComparison.Ordinal);

    public async Task<IPage> NewPageAsync(IBrowserContext? context = null)
    {
        context ??= await NewContextAsync(AdminStorageState);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        page.Console += (_, message) =>
        {
            if (!IsCspViolation(message)) return;
            lock (_cspViolations) _cspViolations.Add($"{page.Url}: {message.Text}");
        };
        return page;
    }

    /// <summary>Opens a page and waits until the Blazor circuit has rendered the layout.</summary>
    public async Task<IPage> OpenAsync(string path)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(BaseUrl + "/" + path.TrimStart('/'));
        try
        {
            await page.WaitForSelectorAsync("[data-testid=nav]");
        }
        catch (TimeoutException e)
        {
            var html = await page.ContentAsync();
            var log = AppLog;
            throw new TimeoutException($"{e.Message}\n--- page ---\n{html[..Math.Min(html.Length, 4000)]}\n--- app log (tail) ---\n{log[Math.Max(0, log.Length - 8000)..]}", e);
        }
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
            await _app.WaitForExitAsync();
        }
        _app?.Dispose();
        // Kept beside the screenshots; build/test.sh prints its errors when a browser test failed.
        Directory.CreateDirectory(ScreenshotDir);
        await File.WriteAllTextAsync(Path.Combine(ScreenshotDir, "app.log"), AppLog);
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_app!.HasExited) throw new InvalidOperationException("The app exited at start:\n" + AppLog);
            try
            {
                using var response = await http.GetAsync(BaseUrl + "/");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow first request.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("The app did not answer within 90 s:\n" + AppLog);
    }

    private static string LocateAppDll()
    {
        var testDir = new DirectoryInfo(AppContext.BaseDirectory);
        // tests/Studio.E2E/bin/<Configuration>/net10.0/ -> src/Studio.Web/bin/<Configuration>/net10.0/
        var configuration = testDir.Parent!.Name;
        var dll = Path.Combine(RepositoryRoot, "src", "Studio.Web", "bin", configuration, testDir.Name, "Studio.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/Studio.Web first", dll);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Studio.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Studio.sln not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class StudioAppCollection : ICollectionFixture<StudioAppFixture>
{
    public const string Name = "Studio app";
}
