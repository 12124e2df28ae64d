using Studio.Data.Experiments;

namespace Studio.Web.Api;

/// <summary>
/// The report endpoints of one experiment also answer anonymous callers that present a valid share token for that
/// experiment (<c>?share=</c> or the <c>X-Studio-Share-Token</c> header); everyone else must be signed in.
/// </summary>
internal static class ShareTokenAccess
{
    public const string QueryName = "share";
    public const string HeaderName = "X-Studio-Share-Token";

    public static RouteHandlerBuilder AllowWithShareToken(this RouteHandlerBuilder endpoint) =>
        endpoint.AllowAnonymous().AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.User.Identity?.IsAuthenticated == true) return await next(context);
            string? token = http.Request.Query[QueryName];
            token ??= http.Request.Headers[HeaderName];
            if (string.IsNullOrEmpty(token))
                return Results.Problem("Sign in, or present a share token for this experiment (?share=…).", statusCode: StatusCodes.Status401Unauthorized);
            var links = http.RequestServices.GetRequiredService<ShareLinkService>();
            var resolution = await links.ResolveAsync(token, http.RequestAborted);
            var experimentId = http.Request.RouteValues["id"] is string raw && int.TryParse(raw, out var id) ? id : (int?)null;
            if (resolution.Status != ShareLinkStatus.Valid || resolution.ExperimentId != experimentId)
                return Results.Problem($"The share token is not valid for this experiment ({resolution.Status.ToString().ToLowerInvariant()}).",
                    statusCode: StatusCodes.Status401Unauthorized);
            return await next(context);
        });
}
