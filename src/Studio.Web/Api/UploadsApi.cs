using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Studio.Data.Storage;

namespace Studio.Web.Api;

internal static class UploadsApi
{
    public sealed record UploadDto(string UploadId, string FileName, long Bytes);

    public static void MapUploadsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/uploads", async Task<Results<Created<UploadDto>, ProblemHttpResult>> (HttpContext http, UploadStore uploads, string fileName) =>
            {
                // The body is the file itself (application/octet-stream), streamed to disk as it arrives.
                var sizeFeature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
                if (sizeFeature is { IsReadOnly: false }) sizeFeature.MaxRequestBodySize = uploads.MaxBytes + 1;
                if (http.Request.ContentLength > uploads.MaxBytes)
                    return TypedResults.Problem(new UploadTooLargeException(fileName, uploads.MaxBytes).Message, statusCode: 413);
                try
                {
                    var stored = await uploads.SaveAsync(http.Request.Body, fileName, null, http.RequestAborted);
                    return TypedResults.Created($"/api/uploads/{stored.Id}", new UploadDto(stored.Id, stored.FileName, stored.Bytes));
                }
                catch (UploadTooLargeException ex)
                {
                    return TypedResults.Problem(ex.Message, statusCode: 413);
                }
            })
            .Accepts<Stream>("application/octet-stream")
            .WithTags("Uploads")
            .WithSummary("Upload a raw file (CSV, TSV, optionally gzip, or an .xlsx workbook) to import later");
    }
}
