using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Studio.Data;
using Studio.Data.Audit;
using Studio.Data.Storage;
using Studio.Web.Audit;
using Studio.Web.Security;

namespace Studio.Web.Api;

internal static class UploadsApi
{
    public sealed record UploadDto(string UploadId, string FileName, long Bytes, int? WorkspaceId, bool Kept);

    public sealed record KeepUploadRequest(bool Keep);

    public static void MapUploadsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/uploads", async Task<Results<Created<UploadDto>, ProblemHttpResult>> (
                HttpContext http, UploadStore uploads, AuditTrail audit, IDbContextFactory<StudioDbContext> contexts, string fileName, int? workspaceId) =>
            {
                if (workspaceId is { } w)
                {
                    await using var context = await contexts.CreateDbContextAsync(http.RequestAborted);
                    if (!await context.Workspaces.AnyAsync(x => x.Id == w, http.RequestAborted))
                        return TypedResults.Problem($"workspaceId: workspace {w} does not exist.", statusCode: 404);
                }
                // The body is the file itself (application/octet-stream), streamed to disk as it arrives.
                var (limit, quotaLimited) = uploads.LimitFor(workspaceId);
                var sizeFeature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
                if (sizeFeature is { IsReadOnly: false }) sizeFeature.MaxRequestBodySize = uploads.MaxBytes + 1;
                if (http.Request.ContentLength > limit)
                    return TooLarge(uploads.TooLarge(fileName, workspaceId, quotaLimited));
                try
                {
                    var stored = await uploads.SaveAsync(http.Request.Body, fileName, workspaceId, null, http.RequestAborted);
                    await audit.RecordAsync(AuditAction.Upload, $"upload {stored.FileName}", string.Create(CultureInfo.InvariantCulture, $"{stored.Bytes} bytes, id {stored.Id}"), workspaceId: workspaceId);
                    return TypedResults.Created($"/api/uploads/{stored.Id}", Dto(stored));
                }
                catch (UploadTooLargeException ex)
                {
                    return TooLarge(ex);
                }
            })
            .Accepts<Stream>("application/octet-stream")
            .RequireRateLimiting(RateLimits.Uploads)
            .WithTags("Uploads")
            .WithSummary("Upload a raw file (CSV, TSV, optionally gzip, or an .xlsx workbook) to import later; with workspaceId it counts against that workspace's quota");

        api.MapGet("/uploads/{id}", Results<Ok<UploadDto>, NotFound> (string id, UploadStore uploads) =>
                uploads.Find(id) is { } u ? TypedResults.Ok(Dto(u)) : TypedResults.NotFound())
            .WithTags("Uploads")
            .WithSummary("An upload that is still on disk (deleted after its import unless kept)");

        api.MapPut("/uploads/{id}/keep", Results<Ok<UploadDto>, NotFound> (string id, KeepUploadRequest request, UploadStore uploads) =>
                uploads.Keep(id, request.Keep) && uploads.Find(id) is { } u ? TypedResults.Ok(Dto(u)) : TypedResults.NotFound())
            .WithTags("Uploads")
            .WithSummary("Keep an upload after its import (or let the import delete it)");
    }

    private static UploadDto Dto(StoredUpload u) => new(u.Id, u.FileName, u.Bytes, u.WorkspaceId, u.Kept);

    private static ProblemHttpResult TooLarge(UploadTooLargeException ex) =>
        TypedResults.Problem(ex.Message, title: "Upload too large", statusCode: StatusCodes.Status413PayloadTooLarge);
}
