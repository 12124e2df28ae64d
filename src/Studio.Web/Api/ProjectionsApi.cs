using Microsoft.AspNetCore.Http.HttpResults;
using Studio.Analysis.Projections;
using Studio.Core.Jobs;
using Studio.Data.Projections;
using Studio.Ml.Projections;
using Studio.Ml.Projections.Jobs;
using Studio.Ml.Projections.Vectors;

namespace Studio.Web.Api;

internal static class ProjectionsApi
{
    public sealed record SourceDto(string Key, VectorSourceKind Kind, string? Field, string EntityLabel, string Title, int Count, int Dimensions);
    public sealed record StartProjectionRequest(int WorkspaceId, int RunId, string Source, ProjectionMethod Method, int Dimensions = 2,
        TsneSpec? Tsne = null, UmapSpec? Umap = null);
    public sealed record StartProjectionResponse(int ProjectionId, Guid? JobId, bool Cached, JobStatus Status, string StatusUrl);
    public sealed record ProjectionDto(int Id, int RunId, string Source, string Method, int Dimensions, JobStatus Status, Guid? JobId,
        string? EntityLabel, int Rows, int SourceDimensions, int? QualityK, double? Trustworthiness, double? KnnRecall,
        double? ElapsedSeconds, string? Error, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, string CoordinatesUrl, string KeysUrl);

    public static void MapProjectionsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/runs/{runId:int}/vector-sources", async Task<Results<Ok<List<SourceDto>>, ProblemHttpResult>> (int runId, VectorSourceLoader loader, CancellationToken ct) =>
        {
            try
            {
                var sources = await loader.ListSourcesAsync(runId, ct);
                return TypedResults.Ok(sources.Select(s => new SourceDto(s.Spec.Key, s.Spec.Kind, s.Spec.Field, s.EntityLabel, s.Title, s.Count, s.Dimensions)).ToList());
            }
            catch (InvalidOperationException ex)
            {
                return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound, title: "The run offers no vectors");
            }
        }).WithTags("Projections").WithSummary("Vector sources a training run offers: each embedding table and the last hidden layer");

        var projections = api.MapGroup("/projections").WithTags("Projections");
        projections.MapPost("", async Task<Results<Accepted<StartProjectionResponse>, ProblemHttpResult>> (StartProjectionRequest request, ProjectionService service, CancellationToken ct) =>
        {
            var source = VectorSourceSpec.FromKey(request.RunId, request.Source);
            if (source is null)
                return TypedResults.Problem($"\"{request.Source}\" is not a vector source key (use \"hidden\" or \"embedding:<field>\").", statusCode: StatusCodes.Status400BadRequest, title: "The projection cannot start");
            try
            {
                var started = await service.StartAsync(request.WorkspaceId, source,
                    new ProjectionRequest(request.Method, request.Dimensions, request.Tsne, request.Umap), ct);
                var url = $"/api/projections/{started.ProjectionId}";
                return TypedResults.Accepted(url, new StartProjectionResponse(started.ProjectionId, started.JobId, started.Cached, started.Status, url));
            }
            catch (ArgumentException ex)
            {
                return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "The projection cannot start");
            }
        }).WithSummary("Project a run's vectors (PCA, t-SNE or UMAP, 2D or 3D); the same parameters again return the cached result");

        projections.MapGet("", async (int runId, ProjectionStore store, CancellationToken ct) =>
            (await store.ListForRunAsync(runId, ct)).Select(ToDto).ToList()).WithSummary("Projections of a run, newest first");

        projections.MapGet("/{id:int}", async Task<Results<Ok<ProjectionDto>, NotFound>> (int id, ProjectionStore store, CancellationToken ct) =>
            await store.FindAsync(id, ct) is { } row ? TypedResults.Ok(ToDto(row)) : TypedResults.NotFound())
            .WithSummary("A projection's status, size and quality (trustworthiness, k-NN recall)");

        projections.MapGet("/{id:int}/coordinates", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (int id, ProjectionService service, CancellationToken ct) =>
        {
            try
            {
                var (row, _, bytes) = await service.ReadAsync(id, ct);
                return TypedResults.File(bytes, "application/octet-stream", $"projection-{row.Id}-{row.Dimensions}d.f32");
            }
            catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException)
            {
                return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound, title: "No coordinates");
            }
        }).WithSummary("Coordinates as little-endian float32, rows x dimensions, row-major (application/octet-stream)");

        projections.MapGet("/{id:int}/keys", async Task<Results<Ok<IReadOnlyList<string>>, ProblemHttpResult>> (int id, ProjectionService service, CancellationToken ct) =>
        {
            try
            {
                return TypedResults.Ok((await service.ReadAsync(id, ct)).Keys);
            }
            catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException)
            {
                return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound, title: "No keys");
            }
        }).WithSummary("The entity key of each point, in coordinate order");

        projections.MapGet("/{id:int}/neighbors/{index:int}", async Task<Results<Ok<ProjectionNeighbors>, ProblemHttpResult>> (int id, int index, int? k, ProjectionService service, CancellationToken ct) =>
        {
            try
            {
                return TypedResults.Ok(await service.NeighborsAsync(id, index, Math.Clamp(k ?? 10, 1, 100), ct));
            }
            catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or ArgumentOutOfRangeException)
            {
                return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound, title: "No neighbours");
            }
        }).WithSummary("Nearest neighbours of a point by cosine and Euclidean distance on the original vectors");
    }

    private static ProjectionDto ToDto(StoredProjection p) => new(p.Id, p.TrainingRunId, p.SourceKey, p.Method, p.Dimensions, p.Status, p.JobId,
        p.EntityLabel, p.Rows, p.SourceDimensions, p.QualityK, p.Trustworthiness, p.KnnRecall, p.ElapsedSeconds, p.Error, p.CreatedAt,
        p.FinishedAt, $"/api/projections/{p.Id}/coordinates", $"/api/projections/{p.Id}/keys");
}
