using Microsoft.AspNetCore.Http.HttpResults;
using Studio.Analysis.Joins;
using Studio.Analysis.Profiling;
using Studio.Analysis.Recipes;
using Studio.Data.Storage;

namespace Studio.Web.Api;

/// <summary>Profiles, recipes (preview and apply → new version), lineage and key checks.</summary>
internal static class RecipesApi
{
    public static void MapRecipesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Datasets");

        group.MapGet("/datasets/{id:int}/profile", async Task<Results<Ok<DatasetProfile>, NotFound>> (int id, ProfileCache profiles, CancellationToken ct) =>
                await profiles.GetAsync(id, ct) is { } profile ? TypedResults.Ok(profile) : TypedResults.NotFound())
            .WithSummary("Profile of a dataset version (computed once per version, then cached)");

        group.MapPost("/datasets/{id:int}/recipe/preview", async Task<Results<Ok<RecipePreview>, ProblemHttpResult>> (
                int id, Recipe recipe, RecipeService recipes, CancellationToken ct) =>
            {
                try
                {
                    return TypedResults.Ok(await recipes.PreviewAsync(id, recipe, ct));
                }
                catch (RecipeException e)
                {
                    return TypedResults.Problem(e.Message, statusCode: 404);
                }
            })
            .WithSummary("Preview each step of a recipe on a dataset version; nothing is stored");

        group.MapPost("/datasets/{id:int}/recipe/apply", async Task<Results<Created<DatasetsApi.DatasetDto>, ProblemHttpResult>> (
                int id, Recipe recipe, RecipeService recipes, CancellationToken ct) =>
            {
                try
                {
                    var dataset = await recipes.ApplyAsync(id, recipe, ct);
                    return TypedResults.Created($"/api/datasets/{dataset.Id}", DatasetsApi.DatasetDto.From(dataset));
                }
                catch (RecipeException e)
                {
                    return TypedResults.Problem(e.Message, statusCode: 422, title: "The recipe cannot be applied; nothing was stored.");
                }
                catch (VersionConflictException e)
                {
                    return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Another version was written at the same moment");
                }
            })
            .WithSummary("Apply a recipe: writes a NEW dataset version (parent = this one); the source is never modified");

        group.MapGet("/datasets/{id:int}/lineage", async Task<Results<Ok<IReadOnlyList<LineageEntry>>, NotFound>> (
                int id, RecipeService recipes, CancellationToken ct) =>
            {
                try
                {
                    return TypedResults.Ok(await recipes.LineageAsync(id, ct));
                }
                catch (RecipeException)
                {
                    return TypedResults.NotFound();
                }
            })
            .WithSummary("Every version derived from the same upload, with the recipe that made each");

        group.MapGet("/workspaces/{workspaceId:int}/joins", async (int workspaceId, JoinChecker joins, CancellationToken ct) =>
                await joins.CheckAsync(workspaceId, ct))
            .WithSummary("Key checks: events → customers and events → products orphan counts");
    }
}
