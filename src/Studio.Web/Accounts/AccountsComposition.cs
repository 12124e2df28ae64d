using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Studio.Data;
using Studio.Data.Accounts;
using Studio.Data.Storage;
using Studio.Web.Hosting;

namespace Studio.Web.Accounts;

/// <summary>
/// Sign-in, roles and the fallback policy. Web mode: ASP.NET Core Identity on Studio's own store, cookies, an
/// optional OpenID Connect provider from configuration (<c>Studio:Auth:OpenIdConnect</c>). Desktop mode: one local
/// user with every role, no sign-in.
/// </summary>
internal static class AccountsComposition
{
    public const string OpenIdConnectSection = "Studio:Auth:OpenIdConnect";
    private const string SelectorScheme = "StudioCookieOrToken";
    public static readonly TimeSpan RevalidationInterval = TimeSpan.FromMinutes(1);

    public static IHostApplicationBuilder AddStudioAccounts(this IHostApplicationBuilder builder, LaunchOptions launch)
    {
        var services = builder.Services;
        services.AddSingleton<SetupLink>();
        services.AddSingleton<UserAdministration>();
        services.AddIdentityCore<StudioUser>(ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<StudioDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddCascadingAuthenticationState();
        // Cookies and antiforgery tokens stay valid across restarts: the keys live with the data.
        services.AddDataProtection();
        services.AddOptions<KeyManagementOptions>().Configure<StudioStorageOptions, ILoggerFactory>((o, storage, logs) =>
            o.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(storage.DataDir, "keys")), logs));
        services.AddAuthorizationBuilder()
            // Nothing is anonymous by accident: every page, every /api endpoint and the circuit hub need a signed-in
            // user unless the endpoint says [AllowAnonymous] (sign-in, setup link, share links).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(StudioPolicies.Write, p => p.RequireRole(StudioRoles.Writers))
            .AddPolicy(StudioPolicies.Administer, p => p.RequireRole(StudioRoles.Administrator));

        if (launch.Desktop)
        {
            services.AddAuthentication(DesktopAuthenticationHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, DesktopAuthenticationHandler>(DesktopAuthenticationHandler.SchemeName, null);
            return builder;
        }

        // A bearer token for the HTTP API, Identity's cookie for everything else.
        var authentication = services.AddAuthentication(SelectorScheme);
        authentication.AddPolicyScheme(SelectorScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
            ApiTokenAuthenticationHandler.HasBearer(context.Request) ? ApiTokenAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme);
        authentication.AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        authentication.AddIdentityCookies();
        services.ConfigureApplicationCookie(ConfigureCookie);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = RevalidationInterval);
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();
        services.AddHostedService<AccountsStartup>();
        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", o => o.AddDocumentTransformer<BearerOpenApiTransformer>());
        AddOpenIdConnectWhenConfigured(authentication, builder.Configuration.GetSection(OpenIdConnectSection));
        return builder;
    }

    public static WebApplication UseStudioAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Sign-out is a POST with an antiforgery token, so another site cannot sign a user out.</summary>
    public static WebApplication MapStudioAccounts(this WebApplication app)
    {
        app.MapPost("/signout", async (HttpContext http, UserAdministration accounts) =>
            {
                await accounts.SignOutAsync(http, everywhere: false);
                return Results.LocalRedirect("/signin");
            })
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
        app.MapPost("/signout-everywhere", async (HttpContext http, UserAdministration accounts) =>
            {
                await accounts.SignOutAsync(http, everywhere: true);
                return Results.LocalRedirect("/signin");
            })
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
        MapExternalSignIn(app);
        return app;
    }

    /// <summary>OpenID Connect: a person the company's provider signs in gets a Studio account (viewer) on first sign-in.</summary>
    private static void MapExternalSignIn(WebApplication app)
    {
        app.MapPost("/signin/external", (HttpContext http, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl, SignInManager<StudioUser> signIn) =>
            {
                var callback = "/signin/external/callback?returnUrl=" + Uri.EscapeDataString(LocalUrl.OrRoot(returnUrl));
                var properties = signIn.ConfigureExternalAuthenticationProperties(OpenIdConnectDefaults.AuthenticationScheme, callback);
                return Results.Challenge(properties, [OpenIdConnectDefaults.AuthenticationScheme]);
            })
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/signin/external/callback", async (string? returnUrl, UserAdministration accounts) =>
                Results.LocalRedirect(await accounts.SignInExternalAsync() ? LocalUrl.OrRoot(returnUrl) : "/signin"))
            .AllowAnonymous().ExcludeFromDescription();
    }

    private static void ConfigureIdentity(IdentityOptions o)
    {
        // Length over composition rules (NIST SP 800-63B): 12 characters, no forced symbol/digit mix.
        o.Password.RequiredLength = 12;
        o.Password.RequiredUniqueChars = 4;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.User.RequireUniqueEmail = false;
        o.SignIn.RequireConfirmedAccount = false;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions o)
    {
        o.Cookie.Name = "Studio.Auth";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        // Secure whenever the request came over HTTPS (behind a TLS proxy configure forwarded headers).
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
        o.LoginPath = "/signin";
        o.AccessDeniedPath = "/access-denied";
        // The HTTP API answers 401/403; only pages redirect to the sign-in form.
        o.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
        o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.Request)) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi");

    private static void AddOpenIdConnectWhenConfigured(AuthenticationBuilder authentication, IConfigurationSection section)
    {
        if (string.IsNullOrWhiteSpace(section["Authority"])) return;
        authentication.AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, section["DisplayName"] ?? "Company sign-in", o =>
        {
            section.Bind(o);
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.ResponseType = "code";
            o.SaveTokens = false;
            o.CallbackPath = "/signin-oidc";
        });
    }
}
