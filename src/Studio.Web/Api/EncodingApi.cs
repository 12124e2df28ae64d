using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Studio.Analysis.ModelEncoding;
using Studio.Analysis.Recipes;
using Studio.Data.Datasets;

namespace Studio.Web.Api;

/// <summary>The encoding for models saved with a dataset version: vocabularies, unknown shares, means and deviations.</summary>
internal static class EncodingApi
{
    public static void MapEncodingApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Datasets");

        group.MapGet("/datasets/{id:int}/encoding", async Task<Results<Ok<DatasetEncoding>, ProblemHttpResult>> (
                int id, DatasetRepository datasets, EncoderStore encoders, CancellationToken ct) =>
            {
                if (await datasets.FindAsync(id, ct) is null) return TypedResults.Problem($"Dataset {id} does not exist.", statusCode: 404);
                return await encoders.LoadAsync(id, ct) is { } encoding
                    ? TypedResults.Ok(encoding)
                    : TypedResults.Problem($"No encoding has been fitted for dataset {id}: POST /api/datasets/{id}/encoding to fit one.",
                        statusCode: 404, title: "Not fitted yet");
            })
            .WithSummary("The encoding saved with a dataset version (fitted on its training split only)");

        group.MapGet("/datasets/{id:int}/encoding/default-spec", async Task<Results<Ok<EncoderSpec>, ProblemHttpResult>> (
                int id, EncoderStore encoders, CancellationToken ct) =>
            {
                try
                {
                    return TypedResults.Ok(await encoders.DefaultSpecAsync(id, ct));
                }
                catch (RecipeException e)
                {
                    return TypedResults.Problem(e.Message, statusCode: 404);
                }
            })
            .WithSummary("The spec the dataset page proposes: categorical and boolean columns encoded, integer and decimal columns scaled");

        group.MapPost("/datasets/{id:int}/encoding", async Task<Results<Ok<DatasetEncoding>, ProblemHttpResult>> (
                int id, [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] EncoderSpec? spec,
                DatasetRepository datasets, EncoderStore encoders, CancellationToken ct) =>
            {
                if (await datasets.FindAsync(id, ct) is null) return TypedResults.Problem($"Dataset {id} does not exist.", statusCode: 404);
                try
                {
                    return TypedResults.Ok(await encoders.FitAndSaveAsync(id, spec ?? await encoders.DefaultSpecAsync(id, ct), ct));
                }
                catch (RecipeException e)
                {
                    return TypedResults.Problem(e.Message, statusCode: 422, title: "The encoder cannot be fitted; nothing was saved.");
                }
            })
            .WithSummary("Fit the encoding on the version's training split (seeded shuffle) and save it with the version; " +
                         "an empty body uses the default spec. Model training on this version reuses it.");
    }
}
