using Microsoft.AspNetCore.Http.HttpResults;
using Studio.Analysis.Export;
using Studio.Core.Datasets;
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

    public static void MapDatasetsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Datasets");

        group.MapGet("/workspaces/{workspaceId:int}/datasets", async (int workspaceId, DatasetRepository datasets, CancellationToken ct) =>
            (await datasets.ListAsync(workspaceId, ct)).Select(DatasetDto.From).ToList())
            .WithSummary("List the dataset versions of a workspace");

        group.MapGet("/datasets/{id:int}", async Task<Results<Ok<DatasetDto>, NotFound>> (int id, DatasetRepository datasets, CancellationToken ct) =>
            await datasets.FindAsync(id, ct) is { } d ? TypedResults.Ok(DatasetDto.From(d)) : TypedResults.NotFound())
            .WithSummary("A dataset version with its columns");

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
                var columns = d.Columns.OrderBy(c => c.Ordinal).ToList();
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"{DownloadName(d)}\"";
                await CsvExport.WriteAsync(http.Response.Body, columns.Select(c => c.Name).ToList(),
                    tables.ReadAllAsync(d.TableName, columns, ct), new CsvExportOptions(), ct);
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
