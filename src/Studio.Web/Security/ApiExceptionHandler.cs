using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Studio.Web.Security;

/// <summary>
/// Errors under <c>/api</c> become ProblemDetails: a request the endpoint could not bind is a 400 naming the
/// parameter; anything else is a 500 with a correlation id, while the exception itself goes only to the log.
/// Pages are left to the app's own error page.
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!httpContext.Request.Path.StartsWithSegments("/api")) return false;
        var correlationId = Activity.Current?.Id ?? httpContext.TraceIdentifier;
        ProblemDetails problem;
        if (exception is BadHttpRequestException bad)
        {
            LogBadRequest(logger, httpContext.Request.Method, httpContext.Request.Path, bad.Message);
            problem = new ProblemDetails { Status = bad.StatusCode, Title = "The request could not be read", Detail = BadRequestDetail(bad) };
        }
        else
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path, correlationId);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred",
                Detail = $"The error was logged with correlation id {correlationId}; give it to your administrator.",
            };
        }
        problem.Extensions["correlationId"] = correlationId;
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = null });
    }

    /// <summary>The binder's own message names the parameter; a JSON error adds where in the body it was.</summary>
    private static string BadRequestDetail(BadHttpRequestException bad) =>
        bad.InnerException is JsonException { Path: { } path } ? $"{bad.Message} The JSON is invalid at {path}." : bad.Message;

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in {Method} {Path}; correlation id {CorrelationId}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path, string correlationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bad request {Method} {Path}: {Reason}")]
    private static partial void LogBadRequest(ILogger logger, string method, string path, string reason);
}
