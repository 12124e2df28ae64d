using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Studio.Analysis.Export;
using Studio.Analysis.Segments;
using Studio.Data.Audit;
using Studio.Data.Segments;
using Studio.Web.Audit;

namespace Studio.Web.Api;

internal static class SegmentsApi
{
    public sealed record SegmentDto(int Id, int WorkspaceId, string Name, SegmentSource Source, int DatasetId, int MemberCount,
        DateTimeOffset CreatedAt, string DefinitionJson)
    {
        public static SegmentDto From(Segment s) => new(s.Id, s.WorkspaceId, s.Name, s.Source, s.DatasetId, s.MemberCount, s.CreatedAt, s.DefinitionJson);
    }

    /// <summary>Either <see cref="Rules"/> (a rule segment) or <see cref="MemberKeys"/> (keys of the dataset's key column).</summary>
    public sealed record CreateSegmentRequest(string Name, int DatasetId, IReadOnlyList<SegmentRule>? Rules = null, int? ScoreSetId = null,
        IReadOnlyList<string>? MemberKeys = null, SegmentSource? Source = null, string? DefinitionJson = null);

    public sealed record ExportLogDto(int Id, int SegmentId, DateTimeOffset At, SegmentExportFormat Format, int RowCount, IReadOnlyList<string> Columns)
    {
        public static ExportLogDto From(SegmentExport e) => new(e.Id, e.SegmentId, e.At, e.Format, e.RowCount, e.Columns);
    }

    public static void MapSegmentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Segments");

        group.MapGet("/workspaces/{workspaceId:int}/segments", async (int workspaceId, SegmentStore store, CancellationToken ct) =>
            (await store.ListAsync(workspaceId, ct)).Select(SegmentDto.From).ToList())
            .WithSummary("List the segments of a workspace, newest first");

        group.MapPost("/workspaces/{workspaceId:int}/segments", async Task<Results<Created<SegmentDto>, ProblemHttpResult>> (
                int workspaceId, CreateSegmentRequest request, SegmentService segments, SegmentStore store, CancellationToken ct) =>
            {
                if ((request.Rules is null) == (request.MemberKeys is null))
                    return TypedResults.Problem("Send either 'rules' or 'memberKeys' (exactly one).", statusCode: 400);
                try
                {
                    var id = request.Rules is not null
                        ? await segments.CreateFromRulesAsync(workspaceId, request.Name, new SegmentDefinition(request.DatasetId, request.Rules, request.ScoreSetId), ct)
                        : await store.CreateFromMembersAsync(workspaceId, request.Name, request.Source ?? SegmentSource.Import,
                            request.DefinitionJson ?? "{}", request.DatasetId, request.MemberKeys!, ct);
                    var created = await store.FindAsync(id, ct);
                    return TypedResults.Created($"/api/segments/{id}", SegmentDto.From(created!));
                }
                catch (SegmentValidationException e)
                {
                    return TypedResults.Problem(e.Message, statusCode: 400, title: "The segment cannot be created");
                }
            })
            .WithSummary("Create a segment from rules (AND of attribute, propensity and RFM rules) or from member keys");

        group.MapPost("/segments/preview", async Task<Results<Ok<RulePreview>, ProblemHttpResult>> (
                SegmentDefinition definition, SegmentService segments, CancellationToken ct) =>
            {
                try
                {
                    return TypedResults.Ok(await segments.PreviewAsync(definition, ct));
                }
                catch (SegmentValidationException e)
                {
                    return TypedResults.Problem(e.Message, statusCode: 400);
                }
            })
            .WithSummary("Count the customers that rules select, or list why the rules cannot run");

        group.MapGet("/segments/{id:int}", async Task<Results<Ok<SegmentDto>, NotFound>> (int id, SegmentStore store, CancellationToken ct) =>
            await store.FindAsync(id, ct) is { } s ? TypedResults.Ok(SegmentDto.From(s)) : TypedResults.NotFound())
            .WithSummary("A segment with its definition");

        group.MapDelete("/segments/{id:int}", async Task<Results<NoContent, NotFound>> (int id, SegmentStore store, AuditTrail audit, CancellationToken ct) =>
            {
                if (await store.FindAsync(id, ct) is not { } segment || !await store.DeleteAsync(id, ct)) return TypedResults.NotFound();
                await audit.SegmentDeletedAsync(segment);
                return TypedResults.NoContent();
            })
            .WithSummary("Delete a segment, its members and its export log");

        group.MapGet("/segments/{id:int}/members", async Task<Results<Ok<IReadOnlyList<string>>, NotFound>> (int id, SegmentStore store, CancellationToken ct) =>
            await store.FindAsync(id, ct) is null ? TypedResults.NotFound() : TypedResults.Ok(await store.ReadMemberKeysAsync(id, ct)))
            .WithSummary("The member keys (values of the dataset's key column)");

        group.MapGet("/segments/{id:int}/profile", async Task<Results<Ok<SegmentProfile>, NotFound>> (
                int id, SegmentService segments, CancellationToken ct, string? spendColumn = null, int? scoreSetId = null) =>
            await segments.ProfileAsync(id, spendColumn, scoreSetId, ct) is { } profile ? TypedResults.Ok(profile) : TypedResults.NotFound())
            .WithSummary("Size, share, spend, top categories, attribute means vs the base and the propensity histogram");

        group.MapGet("/segments/compare", async Task<Results<Ok<SegmentComparison>, ProblemHttpResult>> (
                int a, int b, SegmentService segments, CancellationToken ct) =>
            {
                try
                {
                    return TypedResults.Ok(await segments.CompareAsync(a, b, ct));
                }
                catch (SegmentValidationException e)
                {
                    return TypedResults.Problem(e.Message, statusCode: 400);
                }
            })
            .WithSummary("Two segments side by side: sizes, overlap, differences with effect sizes");

        group.MapGet("/segments/{id:int}/export", ExportAsync)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .WithSummary("Download the segment list (CSV UTF-8 with BOM, or XLSX) with the chosen columns; the export is logged");

        group.MapGet("/segments/{id:int}/exports", async Task<Results<Ok<List<ExportLogDto>>, NotFound>> (int id, SegmentStore store, CancellationToken ct) =>
            await store.FindAsync(id, ct) is null ? TypedResults.NotFound()
                : TypedResults.Ok((await store.ListExportsAsync(id, ct)).Select(ExportLogDto.From).ToList()))
            .WithSummary("The export log of a segment, newest first");
    }

    private static async Task<IResult> ExportAsync(int id, HttpContext http, SegmentService segments, SegmentStore store, AuditTrail audit,
        [FromQuery] string[]? columns, CancellationToken ct, string format = "csv")
    {
        if (!Enum.TryParse<ExportFormat>(format, ignoreCase: true, out var parsed))
            return TypedResults.Problem($"Unknown format '{format}': use csv or xlsx.", statusCode: 400);
        if (await store.FindAsync(id, ct) is not { } segment) return TypedResults.NotFound();
        var chosen = columns ?? [];
        var known = await segments.ExportColumnsAsync(id, ct);
        var unknown = chosen.Where(c => !known.Contains(c, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
            return TypedResults.Problem($"The segment's dataset has no column(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))}.", statusCode: 400);
        http.Response.ContentType = SegmentListExport.ContentTypeOf(parsed);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(segment.Name)}{SegmentListExport.FileExtensionOf(parsed)}\"";
        // Written whole to a temporary file first, then streamed out: XLSX needs a seekable stream to finish the package,
        // a failure mid-list gets a proper error instead of a truncated download, and a million-row list costs disk, not memory.
        await using var buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var summary = await segments.ExportAsync(id, chosen, parsed, buffer, ct);
        await audit.RecordAsync(AuditAction.SegmentExported, $"segment {segment.Id} '{segment.Name}'",
            $"{parsed} list, columns: {string.Join(", ", summary.Columns)}", summary.RowCount, segment.WorkspaceId);
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, ct);
        return TypedResults.Empty;
    }

    private static string FileName(string name)
    {
        var safe = new string([.. name.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' ? ch : '_')]).Trim('_');
        return "segment-" + (safe.Length == 0 ? "list" : safe[..Math.Min(60, safe.Length)]);
    }
}
