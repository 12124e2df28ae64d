using Microsoft.AspNetCore.Authorization;
using Studio.Web.Accounts;

namespace Studio.Web.Api;

internal static class ApiAuthorization
{
    private static readonly HashSet<string> ReadMethods = new(StringComparer.OrdinalIgnoreCase) { "GET", "HEAD", "OPTIONS" };

    /// <summary>
    /// Every endpoint of the group that changes state (any method but GET/HEAD/OPTIONS) needs the
    /// <see cref="StudioPolicies.Write"/> policy: a viewer gets 403. Applied last, so no endpoint can forget it.
    /// </summary>
    public static TBuilder RequireWritersForChanges<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            var methods = endpoint.Metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
            if (methods.Count == 0 || methods.Any(m => !ReadMethods.Contains(m)))
                endpoint.Metadata.Add(new AuthorizeAttribute { Policy = StudioPolicies.Write });
        });
        return builder;
    }

    /// <summary>A token limited to one workspace is refused (403) on any route naming another workspace.</summary>
    public static RouteGroupBuilder RestrictTokensToTheirWorkspace(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.User.FindFirst(ApiTokenAuthenticationHandler.WorkspaceClaim)?.Value is { } allowed &&
                http.Request.RouteValues.TryGetValue("workspaceId", out var requested) && !string.Equals(requested?.ToString(), allowed, StringComparison.Ordinal))
                return Results.Problem($"This token is limited to workspace {allowed}.", statusCode: StatusCodes.Status403Forbidden);
            return await next(context);
        });
}
