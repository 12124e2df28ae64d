using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Studio.Data.Storage;
using Studio.Web.Hosting;
using Studio.Web.Security;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Studio.Web.IntegrationTests;

/// <summary>
/// The real app in memory (TestServer) with its own temporary data folder, no demo import (an empty sample folder),
/// optional configuration and services, and the log kept for assertions. Tests run one at a time: the data folder
/// reaches the app through <c>STUDIO_DATA_DIR</c>, which is process-wide.
/// </summary>
public sealed class StudioWebFactory : WebApplicationFactory<LaunchOptions>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly string _emptySamples;
    private bool _administratorCreated;

    public const string AdminUser = "admin";
    public const string AdminPassword = "integration admin pass";

    public StudioWebFactory(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _settings = settings ?? [];
        _services = services;
        DataDir = Path.Combine(Path.GetTempPath(), "studio-web-it-" + Guid.NewGuid().ToString("N")[..8]);
        _emptySamples = Path.Combine(DataDir, "no-samples");
        Directory.CreateDirectory(_emptySamples);
    }

    public string DataDir { get; }
    public string UploadsDir => Path.Combine(DataDir, "uploads");
    public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Log { get; } = new();

    /// <summary>
    /// A client that sends the header every state-changing API call needs, signed in as the administrator in web mode
    /// (created through the setup link the app logs on its first request; desktop mode has no sign-in).
    /// </summary>
    /// <param name="desktopCookie">The desktop launch cookie to send (the desktop-key tests); with a
    /// <see cref="DesktopAccessKey"/> registered and no cookie, the client stays a stranger that is not signed in.</param>
    public HttpClient CreateApiClient(string? baseAddress = null, string? desktopCookie = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri(baseAddress ?? "http://localhost/"),
        });
        client.DefaultRequestHeaders.Add(CrossSiteRequestGuard.HeaderName, "1");
        if (desktopCookie is not null) client.DefaultRequestHeaders.Add("Cookie", desktopCookie);
        var stranger = desktopCookie is null && Services.GetService<DesktopAccessKey>() is not null;
        if (baseAddress is null && !stranger) SignInAdministratorAsync(client).GetAwaiter().GetResult();
        return client;
    }

    private async Task SignInAdministratorAsync(HttpClient client)
    {
        if (FormPosts.SetupPath(Log.Select(line => line.Message)) is not { } setup) return; // desktop mode: no sign-in
        if (!_administratorCreated)
        {
            await client.CreateAdministratorAsync(setup, AdminUser, AdminPassword);
            _administratorCreated = true;
            return;
        }

        var signedIn = await client.SignInAsync(AdminUser, AdminPassword);
        if (signedIn.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in answered {signedIn.StatusCode}");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.AddProvider(new CollectingLoggerProvider(Log)));
        builder.ConfigureTestServices(services =>
        {
            var paths = StudioPaths.Locate();
            services.AddSingleton(paths with { SampleDatasets = _emptySamples });
            _services?.Invoke(services);
        });
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        Environment.SetEnvironmentVariable(StudioStorageOptions.EnvironmentVariable, DataDir);
        return base.CreateHost(builder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private sealed class CollectingLoggerProvider(ConcurrentQueue<(LogLevel, string, Exception?)> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collector(sink);

        public void Dispose()
        {
        }

        private sealed class Collector(ConcurrentQueue<(LogLevel, string, Exception?)> sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                sink.Enqueue((logLevel, formatter(state, exception), exception));
        }
    }
}
