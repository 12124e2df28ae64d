using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Studio.Analysis.Export;
using Studio.Data.Audit;
using Studio.Web.Accounts;
using Studio.Web.Audit;

namespace Studio.Web.Api;

internal static class AuditApi
{
    public sealed record AuditEntryDto(long Id, DateTimeOffset At, string Actor, AuditAction Action, string Target, string? Detail, long? RowCount, int? WorkspaceId)
    {
        public static AuditEntryDto From(AuditEntry e) => new(e.Id, e.At, e.Actor, e.Action, e.Target, e.Detail, e.RowCount, e.WorkspaceId);
    }

    private static readonly string[] CsvHeader = ["at_utc", "actor", "action", "target", "detail", "rows", "workspace_id"];

    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(StudioPolicies.Administer);

        group.MapGet("", async Task<Results<Ok<List<AuditEntryDto>>, ProblemHttpResult>> (HttpContext http, IAuditLog log, CancellationToken ct) =>
            {
                var (query, error) = AuditQueryText.Parse(http.Request.Query);
                if (query is null) return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);
                return TypedResults.Ok((await log.QueryAsync(query, ct)).Select(AuditEntryDto.From).ToList());
            })
            .WithSummary("The audit log, newest first; filter with actor, action, from, to (ISO 8601, to exclusive), limit");

        api.MapGet("/audit.csv", async (HttpContext http, IAuditLog log, CancellationToken ct) =>
            {
                var (query, error) = AuditQueryText.Parse(http.Request.Query);
                if (query is null) return (IResult)TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);
                var entries = await log.QueryAsync(query, ct);
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = "attachment; filename=\"studio-audit.csv\"";
                // Excel-friendly and formula-escaped: actors, targets and details are user-supplied text.
                await CsvExport.WriteAsync(http.Response.Body, CsvHeader, Rows(entries), new CsvExportOptions(ExcelFriendly: true, EscapeFormulas: true), ct);
                return TypedResults.Empty;
            })
            .WithTags("Audit")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary("The filtered audit log as CSV");
    }

    private static async IAsyncEnumerable<object?[]> Rows(IEnumerable<AuditEntry> entries)
    {
        foreach (var e in entries)
            yield return [e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), e.Actor, e.Action.ToString(), e.Target, e.Detail, e.RowCount, e.WorkspaceId];
        await Task.CompletedTask;
    }
}
