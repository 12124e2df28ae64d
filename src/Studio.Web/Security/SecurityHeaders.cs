namespace Studio.Web.Security;

/// <summary>Headers on every response: a content security policy that allows only what Studio loads, and friends.</summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>
    /// Everything comes from Studio itself; no inline script. Exceptions, each needed by something Studio ships:
    /// <c>'unsafe-eval'</c> — Plotly's WebGL bundle precompiles the regl draw calls it draws with, but keeps regl's
    /// <c>Function</c>-based compiler for the others (the scatter's click and selection redraws failed without it);
    /// <c>style-src 'unsafe-inline'</c> — MudBlazor and Plotly set style attributes and inject style elements;
    /// <c>data:</c>/<c>blob:</c> images — Plotly's icons and image export. <c>connect-src 'self'</c> covers the
    /// circuit's WebSocket on the same origin.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // Share links carry their token in the URL: never pass it on to another site.
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(http);
    }
}
