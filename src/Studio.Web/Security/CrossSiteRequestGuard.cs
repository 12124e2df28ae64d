namespace Studio.Web.Security;

/// <summary>
/// A state-changing request to <c>/api</c> (POST, PUT, PATCH, DELETE) must carry <see cref="HeaderName"/>. Another
/// site cannot make a browser send a custom header without a CORS preflight, which Studio never grants, so a
/// body-less POST from a foreign page is refused. Studio's own JavaScript and API clients send it; requests that are
/// not cross-site by construction (<see cref="IsExempt"/>) need not.
/// </summary>
internal sealed class CrossSiteRequestGuard(RequestDelegate next)
{
    public const string HeaderName = "X-Studio-Request";

    public Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (!IsStateChanging(request) || !request.Path.StartsWithSegments("/api") || HasHeader(request) || IsExempt(request))
            return next(http);
        return Results.Problem(
                title: $"Missing {HeaderName} header",
                detail: $"{request.Method} {request.Path} changes state, so it needs the request header '{HeaderName}: 1' " +
                        "(it keeps other sites from triggering the request from a browser). Bearer-token clients are exempt.",
                statusCode: StatusCodes.Status403Forbidden)
            .ExecuteAsync(http);
    }

    /// <summary>
    /// Requests a browser on another site cannot forge. Extend here: a bearer token is never sent by a browser on its
    /// own (unlike cookies), so a request carrying one was built by a client that holds the token.
    /// </summary>
    internal static bool IsExempt(HttpRequest request) =>
        request.Headers.Authorization.Any(v => v?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true);

    private static bool HasHeader(HttpRequest request) => !string.IsNullOrWhiteSpace(request.Headers[HeaderName]);

    private static bool IsStateChanging(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method));
}
