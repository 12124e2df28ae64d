using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Studio.Web.Accounts;
using Studio.Web.Hosting;
using Studio.Web.Security;

namespace Studio.Web.IntegrationTests;

/// <summary>
/// The real app in web mode on a test server, with a temporary data folder and no demo import (an empty sample
/// folder). The administrator is created through the one-time setup link the app logs; the security stamp is
/// checked on every request so "sign out everywhere" and role changes are observable at once. Its clients send the
/// cross-site header (<see cref="CrossSiteRequestGuard"/>) so that what they meet is the sign-in and role checks.
/// </summary>
public sealed class AccountsWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminUser = "admin";
    public const string AdminPassword = "integration admin pass";
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "studio-web-it-" + Guid.NewGuid().ToString("N")[..8]);

    public ConcurrentQueue<string> Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Path.Combine(_dataDir, "no-samples"));
        builder.UseSetting("Studio:DataDir", _dataDir);
        builder.UseEnvironment("Development");
        // The lockout and role tests sign in far more than 10 times in 5 minutes from one (test) address.
        builder.UseSetting("Studio:RateLimits:signin:PermitLimit", "1000");
        builder.ConfigureLogging(logging => logging.AddProvider(new QueueLoggerProvider(Log)));
        builder.ConfigureTestServices(services =>
        {
            var paths = StudioPaths.Locate();
            services.AddSingleton(paths with { SampleDatasets = Path.Combine(_dataDir, "no-samples") });
            services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        });
    }

    public async Task InitializeAsync()
    {
        using var client = CreateBrowserClient();
        await client.CreateAdministratorAsync(SetupPath, AdminUser, AdminPassword);
    }

    public string SetupPath => FormPosts.SetupPath(Log)
        ?? throw new InvalidOperationException("The app logged no setup link:\n" + string.Join('\n', Log));

    /// <summary>A client that keeps cookies and does not follow redirects (so tests see 302s).</summary>
    public HttpClient CreateBrowserClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(CrossSiteRequestGuard.HeaderName, "1");
        return client;
    }

    public async Task<HttpClient> SignInAsync(string userName, string password)
    {
        var client = CreateBrowserClient();
        var response = await client.SignInAsync(userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {userName} answered {response.StatusCode}");
        return client;
    }

    /// <summary>Creates a user with a role through the same service the administrator page uses.</summary>
    public async Task<HttpClient> UserAsync(string role, string? name = null)
    {
        name ??= role + "-" + Guid.NewGuid().ToString("N")[..6];
        await Services.GetRequiredService<UserAdministration>().CreateUserAsync("tests", name, name + " password", role);
        return await SignInAsync(name, name + " password");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // Temp folder cleanup is best effort.
        }
    }

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(log);

        public void Dispose()
        {
        }
    }

    private sealed class QueueLogger(ConcurrentQueue<string> log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log.Enqueue($"{eventId.Name}: {formatter(state, exception)}");
    }
}

[CollectionDefinition(Name)]
public sealed class StudioWebCollection : ICollectionFixture<AccountsWebFactory>
{
    public const string Name = "Studio web app";
}
