using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Studio.Core.Jobs;
using Studio.Data.Models;
using Studio.Ml.Service;
using Studio.Ml.Training;

namespace Studio.Web.Api;

internal static class ModelsApi
{
    public sealed record StartRunRequest(int WorkspaceId, int DatasetId, string? Name, TrainingSpec Spec);
    public sealed record StartRunResponse(int RunId, Guid JobId, string StatusUrl);
    public sealed record RunDto(int Id, Guid? JobId, int WorkspaceId, int DatasetId, int DatasetVersion, string Name, string ModelKind,
        string Task, string TargetColumn, int Seed, JobStatus Status, int? BestEpoch, bool StoppedEarly,
        IReadOnlyDictionary<string, double> TestMetrics, string? Error, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt,
        DateTimeOffset? FinishedAt, bool HasCheckpoint, JsonElement Spec);
    public sealed record EpochDto(int Epoch, double TrainLoss, double ValidationLoss, IReadOnlyDictionary<string, double> ValidationMetrics,
        double SamplesPerSecond, double DurationSeconds, bool IsBest);
    public sealed record ModelDto(int Id, string Name, int Version, bool InUse, int RunId, int DatasetId, int DatasetVersion,
        IReadOnlyDictionary<string, double> Metrics, DateTimeOffset CreatedAt);
    public sealed record RegisterRequest(string Name);
    /// <summary>What to score and what the scores file holds besides the score (see <see cref="ScoringOptions"/>); unknown fields are refused.</summary>
    [System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
    public sealed record ScoreRequest(int DatasetId, string? KeyColumn = null, IReadOnlyList<string>? IncludeColumns = null, bool Deciles = false);

    public static void MapModelsApi(this RouteGroupBuilder api)
    {
        var runs = api.MapGroup("/runs").WithTags("Models");
        runs.MapPost("", async Task<Results<Accepted<StartRunResponse>, ProblemHttpResult>> (StartRunRequest request, TrainingService training, CancellationToken ct) =>
        {
            try
            {
                var started = await training.StartAsync(new StartTrainingRequest(request.WorkspaceId, request.DatasetId, request.Name ?? "", request.Spec), ct);
                var url = $"/api/runs/{started.RunId}";
                return TypedResults.Accepted(url, new StartRunResponse(started.RunId, started.JobId, url));
            }
            catch (ArgumentException ex)
            {
                return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "The training run cannot start");
            }
        }).WithSummary("Start a training run (spec JSON + dataset id); returns the run and its job");

        runs.MapGet("", async (int workspaceId, TrainingRunStore store, CancellationToken ct) =>
            (await store.ListAsync(workspaceId, ct)).Select(ToDto).ToList()).WithSummary("Training runs of a workspace, newest first");

        runs.MapGet("/{id:int}", async Task<Results<Ok<RunDto>, NotFound>> (int id, TrainingRunStore store, CancellationToken ct) =>
            await store.FindAsync(id, ct) is { } run ? TypedResults.Ok(ToDto(run)) : TypedResults.NotFound())
            .WithSummary("A run's status, spec, best epoch and test metrics");

        runs.MapGet("/{id:int}/epochs", async (int id, TrainingRunStore store, CancellationToken ct) =>
            (await store.EpochsAsync(id, ct)).Select(e => new EpochDto(e.Epoch, e.TrainLoss, e.ValidationLoss,
                ServiceJson.Metrics(e.ValidationMetricsJson), e.SamplesPerSecond, e.DurationSeconds, e.IsBest)).ToList())
            .WithSummary("Per-epoch losses and validation metrics of a run");

        runs.MapPost("/{id:int}/register", async Task<Results<Created<ModelDto>, ProblemHttpResult>> (int id, RegisterRequest request, ModelRegistry registry, CancellationToken ct) =>
        {
            try
            {
                var model = await registry.RegisterAsync(id, request.Name, ct);
                return TypedResults.Created($"/api/models/{model.Id}", ToDto(model));
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
            {
                return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "The run cannot be registered");
            }
            catch (Studio.Data.Storage.VersionConflictException ex)
            {
                return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "Another version was registered at the same moment");
            }
        }).WithSummary("Register a finished run as the next version of a named model");

        var models = api.MapGroup("/models").WithTags("Models");
        models.MapGet("", async (int workspaceId, ModelRegistry registry, CancellationToken ct) =>
            (await registry.ListAsync(workspaceId, ct)).Select(ToDto).ToList()).WithSummary("Registered models of a workspace");

        models.MapPost("/{id:int}/in-use", async (int id, ModelRegistry registry, CancellationToken ct) =>
        {
            await registry.SetInUseAsync(id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Mark a model version in use (the other versions of its name are not)");

        models.MapPost("/{id:int}/score", async Task<Results<Accepted<StartedScoring>, ValidationProblem>> (int id, ScoreRequest request, ModelRegistry registry, CancellationToken ct) =>
        {
            try
            {
                var started = await registry.StartScoringAsync(id, request.DatasetId,
                    new ScoringOptions(request.KeyColumn, request.IncludeColumns, request.Deciles), ct);
                return TypedResults.Accepted($"/api/jobs/{started.JobId}", started);
            }
            catch (ScoringRequestException ex)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [ex.Field] = [ex.Message] }, ex.Message, title: "Scoring cannot start");
            }
        }).WithSummary("Score every row of a dataset with a model, as a job: key column, chosen input columns, score and optional decile");

        models.MapGet("/{id:int}/scores/latest.csv", async Task<Results<PhysicalFileHttpResult, NotFound<string>>> (int id, ModelRegistry registry, CancellationToken ct) =>
        {
            var set = (await registry.ScoreSetsAsync(id, ct)).FirstOrDefault();
            return set is not null && File.Exists(set.FilePath)
                ? TypedResults.PhysicalFile(set.FilePath, "text/csv", Path.GetFileName(set.FilePath))
                : TypedResults.NotFound($"Model {id} has no scores yet: score a dataset first.");
        }).WithSummary("Download the latest scores of a model as CSV (key, chosen inputs, score, decile when asked)");
    }

    private static RunDto ToDto(TrainingRun r) => new(r.Id, r.JobId, r.WorkspaceId, r.DatasetId, r.DatasetVersion, r.Name, r.ModelKind,
        r.Task, r.TargetColumn, r.Seed, r.Status, r.BestEpoch, r.StoppedEarly, ServiceJson.Metrics(r.TestMetricsJson), r.Error,
        r.CreatedAt, r.StartedAt, r.FinishedAt, r.CheckpointPath is not null, JsonDocument.Parse(r.SpecJson).RootElement.Clone());

    private static ModelDto ToDto(RegisteredModel m) =>
        new(m.Id, m.Name, m.Version, m.InUse, m.RunId, m.DatasetId, m.DatasetVersion, ServiceJson.Metrics(m.MetricsJson), m.CreatedAt);
}
