using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Studio.Web.Security;

/// <summary>
/// Named rate-limit policies, each a fixed window per caller (the signed-in user, else the client address), sized
/// from <c>Studio:RateLimits:{Policy}:PermitLimit</c> and <c>:WindowSeconds</c>. Attach with
/// <c>.RequireRateLimiting(RateLimits.Uploads)</c>; a refused request gets a 429 ProblemDetails with Retry-After.
/// </summary>
public static class RateLimits
{
    /// <summary><c>POST /api/uploads</c>: 30 uploads a minute by default.</summary>
    public const string Uploads = "uploads";

    /// <summary>Sign-in attempts (POSTs of the sign-in page, <c>[EnableRateLimiting]</c> on it): 10 in 5 minutes by default.</summary>
    public const string SignIn = "signin";

    public static IServiceCollection AddStudioRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Uploads, http => FixedWindow(http, Uploads, permits: 30, window: TimeSpan.FromMinutes(1)));
            // The sign-in page is one endpoint for GET (the form) and POST (an attempt): only attempts count.
            options.AddPolicy(SignIn, http => HttpMethods.IsPost(http.Request.Method)
                ? FixedWindow(http, SignIn, permits: 10, window: TimeSpan.FromMinutes(5))
                : RateLimitPartition.GetNoLimiter("signin-form"));
            options.OnRejected = async (context, ct) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : (TimeSpan?)null;
                if (retry is { } r) context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(r.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var wait = retry is { } s ? string.Create(CultureInfo.InvariantCulture, $" Try again in {Math.Ceiling(s.TotalSeconds):0} s.") : "";
                await Results.Problem(title: "Too many requests",
                        detail: $"{context.HttpContext.Request.Method} {context.HttpContext.Request.Path} was refused: too many requests from you in a short time.{wait}",
                        statusCode: StatusCodes.Status429TooManyRequests)
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    private static RateLimitPartition<string> FixedWindow(HttpContext http, string policy, int permits, TimeSpan window)
    {
        // Read per request, so a change of configuration applies to callers seen after it.
        var section = http.RequestServices.GetRequiredService<IConfiguration>().GetSection($"Studio:RateLimits:{policy}");
        var limit = section.GetValue("PermitLimit", permits);
        var seconds = section.GetValue("WindowSeconds", window.TotalSeconds);
        var caller = http.User.Identity?.IsAuthenticated == true ? "user:" + http.User.Identity.Name
            : "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return RateLimitPartition.GetFixedWindowLimiter($"{policy}|{limit}|{seconds}|{caller}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromSeconds(seconds),
            QueueLimit = 0,
        });
    }
}
