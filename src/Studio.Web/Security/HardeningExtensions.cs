namespace Studio.Web.Security;

/// <summary>
/// The protections every request passes through: security headers, ProblemDetails for API errors, the desktop
/// per-launch key, the cross-site header rule for state-changing API calls, and rate limits.
/// </summary>
public static class HardeningExtensions
{
    public static IServiceCollection AddStudioHardening(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        // A request the endpoint cannot bind is thrown in every environment, so ApiExceptionHandler names the parameter.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddStudioRateLimits();
        return services;
    }

    public static WebApplication UseStudioHardening(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<SecurityHeaders>();
        app.UseHsts();
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler();
            // Empty 4xx answers (unknown route, wrong method, NotFound()) as ProblemDetails too.
            api.UseStatusCodePages();
        });
        if (app.Services.GetService<DesktopAccessKey>() is not null) app.UseMiddleware<DesktopAccessMiddleware>();
        app.UseMiddleware<CrossSiteRequestGuard>();
        return app;
    }

    /// <summary>After authentication, so that limits partition by the signed-in user (else the client address).</summary>
    public static WebApplication UseStudioRateLimits(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
        return app;
    }
}
