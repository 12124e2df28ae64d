using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Studio.Analysis.Artifacts;
using Studio.Analysis.Ingest;
using Studio.Analysis.Ingest.Inference;
using Studio.Core.Datasets;
using Studio.Core.Jobs;
using Studio.Data;
using Studio.Data.Audit;
using Studio.Data.Datasets;
using Studio.Data.Jobs;
using Studio.Data.Storage;

namespace Studio.Web.Api;

/// <summary>Importing an upload: its preview with the analyst's choices, the import job, its report and rejected rows.</summary>
internal static class ImportsApi
{
    public const string RejectedRowsArtifact = "rejected-rows";

    /// <summary>
    /// <paramref name="MissingTokens"/>: cell values read as missing besides an empty cell (null = the defaults);
    /// <paramref name="BadValues"/>: what happens to a value that does not fit the type chosen for its column and to a
    /// ragged line (Fail, StoreAsMissing, RejectRow); <paramref name="Sheet"/>: the worksheet of an .xlsx file;
    /// <paramref name="KeepUpload"/>: keep the uploaded file after a successful import (by default it is deleted).
    /// Unknown fields are refused (400).
    /// </summary>
    [System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
    public sealed record ImportDatasetRequest(string UploadId, string Name, DatasetRole Role, IReadOnlyList<ColumnOverride>? ColumnTypes,
        IReadOnlyList<string>? MissingTokens = null, BadValuePolicy BadValues = BadValuePolicy.Fail, string? Sheet = null,
        bool KeepUpload = false);

    [System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
    public sealed record PreviewRequest(IReadOnlyList<string>? MissingTokens = null, string? Sheet = null);

    public static void MapImportsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Datasets");

        group.MapPost("/uploads/{uploadId}/preview", async Task<Results<Ok<ImportPreview>, ProblemHttpResult>> (
                string uploadId, PreviewRequest request, UploadStore uploads, IDatasetImporter importer, CancellationToken ct) =>
            {
                if (uploads.Find(uploadId) is not { } upload)
                    return TypedResults.Problem($"Upload '{uploadId}' does not exist.", statusCode: 404);
                if (TokenProblem(request.MissingTokens) is { } problem) return problem;
                try
                {
                    return TypedResults.Ok(await importer.SniffAsync(upload.Path, upload.FileName, ct,
                        new ImportChoices { MissingTokens = request.MissingTokens, Sheet = request.Sheet }));
                }
                catch (DataImportException e)
                {
                    return TypedResults.Problem(e.Message, statusCode: 400);
                }
            })
            .WithSummary("How an upload reads: encoding, delimiter, first rows, inferred types and the missing-value tokens used");

        group.MapPost("/workspaces/{workspaceId:int}/datasets", async Task<Results<Accepted<DatasetsApi.JobAccepted>, ProblemHttpResult>> (
                int workspaceId, ImportDatasetRequest request, UploadStore uploads, JobQueue jobs,
                IDbContextFactory<StudioDbContext> contexts, CancellationToken ct) =>
            {
                await using (var context = await contexts.CreateDbContextAsync(ct))
                {
                    if (!await context.Workspaces.AnyAsync(w => w.Id == workspaceId, ct))
                        return TypedResults.Problem($"Workspace {workspaceId} does not exist.", statusCode: 404);
                }
                if (uploads.Find(request.UploadId) is not { } upload)
                    return TypedResults.Problem($"Upload '{request.UploadId}' does not exist.", statusCode: 404);
                if (string.IsNullOrWhiteSpace(request.Name))
                    return TypedResults.Problem("A dataset needs a name.", statusCode: 400);
                if (!Enum.IsDefined(request.BadValues))
                    return TypedResults.Problem($"badValues must be one of {string.Join(", ", Enum.GetNames<BadValuePolicy>())}.", statusCode: 400);
                if (TokenProblem(request.MissingTokens) is { } problem) return problem;
                if (request.KeepUpload) uploads.Keep(upload.Id);
                var choices = new ImportChoices { MissingTokens = request.MissingTokens, BadValues = request.BadValues, Sheet = request.Sheet };
                var id = await jobs.EnqueueAsync(ImportJob(workspaceId, upload, request.Name.Trim(), request.Role, request.ColumnTypes, choices), ct);
                return TypedResults.Accepted($"/api/jobs/{id}", new DatasetsApi.JobAccepted(id, $"/api/jobs/{id}"));
            })
            .WithSummary("Import an uploaded file as a new dataset (runs as a job)");

        group.MapGet("/datasets/{id:int}/import-report", async Task<Results<Ok<ImportReport>, NotFound>> (
                int id, DatasetArtifacts artifacts, CancellationToken ct) =>
            await artifacts.LoadAsync<ImportReport>(id, DatasetArtifacts.ImportReport, ct) is { } report
                ? TypedResults.Ok(report) : TypedResults.NotFound())
            .WithSummary("What the import did with each column (type and why, missing and unparseable counts) and the lines it left out");

        group.MapGet("/datasets/{id:int}/rejected-rows", Results<PhysicalFileHttpResult, NotFound> (int id, DatasetArtifacts artifacts) =>
                RejectedRowsPath(artifacts, id) is var path && File.Exists(path)
                    ? TypedResults.PhysicalFile(path, "text/csv; charset=utf-8", $"rejected-rows-{id}.csv")
                    : TypedResults.NotFound())
            .WithSummary("Every line the import left out (line, column, reason, value, the record as in the file), as CSV");
    }

    public static string RejectedRowsPath(DatasetArtifacts artifacts, int datasetId) =>
        Path.ChangeExtension(artifacts.PathOf(datasetId, RejectedRowsArtifact), ".csv");

    private static ProblemHttpResult? TokenProblem(IReadOnlyList<string>? tokens)
    {
        if (tokens is null) return null;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] is null || tokens[i].Trim().Length is 0 or > MissingValues.MaxTokenLength)
                return TypedResults.Problem($"missingTokens[{i}] must be 1 to {MissingValues.MaxTokenLength} characters (an empty cell is always missing).",
                    statusCode: 400);
        }
        return null;
    }

    public static JobRequest ImportJob(int workspaceId, StoredUpload upload, string name, DatasetRole role,
        IReadOnlyList<ColumnOverride>? columnTypes, ImportChoices? choices = null) =>
        new(JobKind.Import, $"Import {upload.FileName}", async job =>
        {
            var importer = job.Services.GetRequiredService<IDatasetImporter>();
            var artifacts = job.Services.GetRequiredService<DatasetArtifacts>();
            var progress = new SynchronousProgress<ImportProgress>(p =>
                job.Report(p.TotalBytes > 0 ? (double)p.BytesRead / p.TotalBytes : 0, $"{p.Rows:N0} rows"));
            var (dataset, report, rejected) = await importer.ImportWithReportAsync(
                new ImportRequest(workspaceId, upload.Path, name, role, upload.FileName, columnTypes, choices), progress, job.CancellationToken);
            // Kept with the version so that its profile can list unparseable cells with their lines.
            await artifacts.SaveAsync(dataset.Id, DatasetArtifacts.ImportReport, report, CancellationToken.None);
            if (rejected is not null) File.Move(rejected, RejectedRowsPath(artifacts, dataset.Id), overwrite: true);
            await DeleteUploadUnlessKeptAsync(job.Services, upload, dataset.Id, workspaceId);
            var left = report.RejectedRows > 0 ? $", {report.RejectedRows:N0} lines left out (see the rejected rows)" : "";
            job.Report(1, $"{dataset.RowCount:N0} rows imported{left}");
            return System.Text.Json.JsonSerializer.Serialize(new { datasetId = dataset.Id, rejectedRows = report.RejectedRows });
        }, workspaceId);

    /// <summary>Retention: an imported upload is deleted unless the analyst kept it.</summary>
    private static async Task DeleteUploadUnlessKeptAsync(IServiceProvider services, StoredUpload upload, int datasetId, int workspaceId)
    {
        var uploads = services.GetRequiredService<UploadStore>();
        if (uploads.Find(upload.Id) is not { Kept: false } || !uploads.Delete(upload.Id)) return;
        await services.GetRequiredService<IAuditLog>().RecordAsync(new AuditRecord(AuditActors.System, AuditAction.UploadDeleted,
            $"upload {upload.FileName}", string.Create(CultureInfo.InvariantCulture, $"imported as dataset {datasetId}, not kept (retention); id {upload.Id}"),
            WorkspaceId: workspaceId), CancellationToken.None);
    }
}
