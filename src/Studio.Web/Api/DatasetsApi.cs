using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Studio.Analysis.Export;
using Studio.Core.Datasets;
using Studio.Core.Jobs;
using Studio.Data;
using Studio.Data.Audit;
using Studio.Data.Datasets;

namespace Studio.Web.Api;

internal static class DatasetsApi
{
    public sealed record ColumnDto(int Ordinal, string Name, ColumnType Type, long MissingCount, long DistinctCount);

    public sealed record DatasetDto(int Id, int WorkspaceId, string Name, DatasetRole Role, int Version, int? ParentId,
        long RowCount, string? SourceFileName, DateTimeOffset CreatedAt, IReadOnlyList<ColumnDto> Columns)
    {
        public static DatasetDto From(Dataset d) => new(d.Id, d.WorkspaceId, d.Name, d.Role, d.Version, d.ParentId, d.RowCount,
            d.SourceFileName, d.CreatedAt,
            d.Columns.OrderBy(c => c.Ordinal).Select(c => new ColumnDto(c.Ordinal, c.Name, c.Type, c.MissingCount, c.DistinctCount)).ToList());
    }

    public sealed record JobAccepted(Guid JobId, string StatusUrl);

    /// <summary>A new name for a dataset (all its versions); unknown fields are refused.</summary>
    [System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
    public sealed record RenameDatasetRequest(string Name);

    public static void MapDatasetsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Datasets");

        group.MapGet("/workspaces/{workspaceId:int}/datasets", async (int workspaceId, DatasetRepository datasets, CancellationToken ct) =>
            (await datasets.ListAsync(workspaceId, ct)).Select(DatasetDto.From).ToList())
            .WithSummary("List the dataset versions of a workspace");

        group.MapGet("/datasets/{id:int}", async Task<Results<Ok<DatasetDto>, NotFound>> (int id, DatasetRepository datasets, CancellationToken ct) =>
            await datasets.FindAsync(id, ct) is { } d ? TypedResults.Ok(DatasetDto.From(d)) : TypedResults.NotFound())
            .WithSummary("A dataset version with its columns");

        group.MapPatch("/datasets/{id:int}", async Task<Results<Ok<DatasetDto>, NotFound, ValidationProblem>> (
                int id, RenameDatasetRequest request, DatasetCatalog catalog, DatasetRepository datasets, CancellationToken ct) =>
            {
                try
                {
                    if (await catalog.RenameAsync(id, request.Name, ct) is null) return TypedResults.NotFound();
                    return TypedResults.Ok(DatasetDto.From((await datasets.FindAsync(id, ct))!));
                }
                catch (DatasetChangeException e)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [e.Field] = [e.Message] }, e.Message, title: "The dataset cannot be renamed");
                }
            })
            .WithSummary("Rename a dataset: every version of it takes the new name");

        group.MapGet("/datasets/{id:int}/dependents", async Task<Results<Ok<DatasetDependents>, NotFound>> (int id, DatasetCatalog catalog, CancellationToken ct) =>
                await catalog.DependentsAsync(id, ct) is { } dependents ? TypedResults.Ok(dependents) : TypedResults.NotFound())
            .WithSummary("What deleting this version would also delete: later versions, runs, models, score sets, segments, experiments, projections");

        group.MapDelete("/datasets/{id:int}", async Task<Results<Ok<DatasetDependents>, NotFound, ProblemHttpResult>> (
                int id, DatasetCatalog catalog, CancellationToken ct, bool cascade = false) =>
            {
                try
                {
                    return await catalog.DeleteAsync(id, cascade, ct) is { } deleted ? TypedResults.Ok(deleted) : TypedResults.NotFound();
                }
                catch (DatasetChangeException e)
                {
                    var dependents = await catalog.DependentsAsync(id, ct);
                    return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Other things depend on this dataset",
                        extensions: new Dictionary<string, object?> { ["dependents"] = dependents });
                }
            })
            .WithSummary("Delete a version and the versions made from it (v1: the whole dataset); refused with the list of dependents unless cascade=true");

        group.MapGet("/datasets/{id:int}/rows", async Task<Results<Ok<IReadOnlyList<object?[]>>, NotFound, ProblemHttpResult>> (
                int id, DatasetRepository datasets, DatasetTableStore tables, CancellationToken ct, long offset = 0, int limit = 100) =>
            {
                if (limit is < 1 or > 10_000) return TypedResults.Problem("limit must be between 1 and 10000", statusCode: 400);
                if (await datasets.FindAsync(id, ct) is not { } d) return TypedResults.NotFound();
                return TypedResults.Ok(await tables.ReadPageAsync(d.TableName, d.Columns.OrderBy(c => c.Ordinal).ToList(), Math.Max(0, offset), limit, ct));
            })
            .WithSummary("A page of rows, in file order");

        group.MapGet("/datasets/{id:int}/csv", async (int id, HttpContext http, DatasetRepository datasets, DatasetTableStore tables, CancellationToken ct) =>
            {
                if (await datasets.FindAsync(id, ct) is not { } d)
                {
                    http.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"{DownloadName(d)}\"";
                await DatasetCsv.WriteAsync(http.Response.Body, d, tables, ct);
            })
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary("Download any dataset version as CSV (streamed)");
    }

    private static string DownloadName(Dataset d)
    {
        var safe = new string(d.Name.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' ? ch : '_').ToArray());
        return $"{safe}-v{d.Version}.csv";
    }
}
