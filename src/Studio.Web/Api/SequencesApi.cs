using Microsoft.AspNetCore.Http.HttpResults;
using Studio.Ml.Sequences.Attention;
using Studio.Ml.Sequences.Evaluation;
using Studio.Ml.Sequences.Service;
using Studio.Ml.Service;

namespace Studio.Web.Api;

/// <summary>
/// Behaviour-sequence runs: start one (it is a training run like any other: status, epochs and registration live
/// under /api/runs), read its metrics next to the popularity baseline, and ask for attention and top candidates.
/// </summary>
internal static class SequencesApi
{
    public sealed record StartSequenceRunBody(int WorkspaceId, int DatasetId, string? Name, SequenceRunSpec Spec);
    public sealed record StartSequenceRunResponse(int RunId, Guid JobId, string StatusUrl, string AttentionUrl);
    public sealed record SequenceMetricsDto(int RunId, string ModelKind, string Status, IReadOnlyDictionary<string, double> Model,
        IReadOnlyDictionary<string, double> Popularity, string Protocol);

    public static void MapSequencesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/sequence-runs").WithTags("Behaviour sequences");
        group.MapPost("", async Task<Results<Accepted<StartSequenceRunResponse>, ProblemHttpResult>> (StartSequenceRunBody body, SequenceTrainingService training, CancellationToken ct) =>
        {
            try
            {
                var started = await training.StartAsync(new StartSequenceRunRequest(body.WorkspaceId, body.DatasetId, body.Name ?? "", body.Spec), ct);
                var url = $"/api/runs/{started.RunId}";
                return TypedResults.Accepted(url, new StartSequenceRunResponse(started.RunId, started.JobId, url, $"/api/sequence-runs/{started.RunId}/attention"));
            }
            catch (ArgumentException ex)
            {
                return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "The sequence run cannot start");
            }
        }).WithSummary("Start a behaviour-sequence run on an events dataset (column mapping + sequence spec); poll /api/runs/{id}");

        group.MapGet("/{id:int}/metrics", async Task<Results<Ok<SequenceMetricsDto>, ProblemHttpResult>> (int id, TrainingRunStore runs, CancellationToken ct) =>
        {
            var run = await runs.FindAsync(id, ct);
            if (run is null || SequenceTrainingService.SpecOf(run) is not { } spec)
            {
                return TypedResults.Problem($"Run {id} is not a behaviour-sequence run.", statusCode: StatusCodes.Status404NotFound);
            }

            var metrics = ServiceJson.Metrics(run.TestMetricsJson);
            var popularity = metrics.Where(p => p.Key.StartsWith(SequenceFamilies.PopularityPrefix, StringComparison.Ordinal))
                .ToDictionary(p => p.Key[SequenceFamilies.PopularityPrefix.Length..], p => p.Value);
            var model = metrics.Where(p => !p.Key.StartsWith(SequenceFamilies.PopularityPrefix, StringComparison.Ordinal)).ToDictionary(p => p.Key, p => p.Value);
            var protocol = $"Leave-one-out; auc/log_loss: each test target against {spec.Sequence.EvaluationNegatives} uniformly sampled negatives; "
                + $"hr@{spec.Sequence.RankingCutoff}/ndcg@{spec.Sequence.RankingCutoff}/mrr: full-catalogue ranking, ties against the target, over {metrics.GetValueOrDefault(RankingMetrics.RankedTargets).ToString(System.Globalization.CultureInfo.InvariantCulture)} targets.";
            return TypedResults.Ok(new SequenceMetricsDto(id, run.ModelKind, run.Status.ToString(), model, popularity, protocol));
        }).WithSummary("Test metrics of a sequence run and of the popularity baseline, with the evaluation protocol");

        group.MapGet("/{id:int}/customers", (int id, string? search, int? limit, AttentionService attention, CancellationToken ct) =>
            Serve(() => attention.CustomersAsync(id, search, Math.Clamp(limit ?? 20, 1, 500), ct)))
            .WithSummary("Customers the model knows whose id contains the search text");

        group.MapGet("/{id:int}/attention", (int id, string customer, string candidate, AttentionService attention, CancellationToken ct) =>
            Serve(() => attention.ExplainAsync(id, customer, candidate, ct)))
            .WithSummary("A customer's last T events with the attention weight on each for one candidate, and its probability");

        group.MapGet("/{id:int}/candidates", (int id, string customer, int? count, int? events, AttentionService attention, CancellationToken ct) =>
            Serve(() => attention.TopCandidatesAsync(id, customer, count ?? 10, events ?? 3, ct)))
            .WithSummary("A customer's top candidates by probability, each with the events that drove it");

        group.MapGet("/{id:int}/aggregates", (int id, int? customers, AttentionService attention, CancellationToken ct) =>
            Serve<AttentionAggregates>(() => attention.AggregateAsync(id, customers ?? 2000, ct)))
            .WithSummary("Mean attention by event type, recency and category pair over customers' last interactions");
    }

    private static async Task<Results<Ok<T>, ProblemHttpResult>> Serve<T>(Func<Task<T>> read)
    {
        try
        {
            return TypedResults.Ok(await read());
        }
        catch (KeyNotFoundException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }
        catch (InvalidOperationException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "The run cannot be explained");
        }
    }
}
