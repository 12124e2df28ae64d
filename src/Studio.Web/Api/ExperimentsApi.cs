using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Studio.Analysis.Experiments;
using Studio.Analysis.Experiments.Readout;
using Studio.Analysis.Experiments.Stored;
using Studio.Data.Datasets;
using Studio.Data.Experiments;
using Studio.Web.Experiments;

namespace Studio.Web.Api;

internal static class ExperimentsApi
{
    public sealed record ExperimentDto(int Id, int WorkspaceId, string Name, string? Question, int DatasetId, int DatasetVersion,
        ExperimentMapping Mapping, string ControlVariant, IReadOnlyDictionary<string, double>? IntendedSplit, ExperimentOptions Options,
        ExperimentDecision Decision, string? Notes, DateTimeOffset CreatedAt)
    {
        public static ExperimentDto From(ExperimentDefinition d) => new(d.Id, d.WorkspaceId, d.Name, d.Question, d.DatasetId, d.DatasetVersion,
            ExperimentMapping.FromJson(d.MappingJson), d.ControlVariant,
            d.IntendedSplitJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, double>>(d.IntendedSplitJson, ExperimentJson.Options),
            ExperimentOptions.FromJson(d.SpecOptionsJson), d.Decision, d.Notes, d.CreatedAt);
    }

    public sealed record CreateExperimentRequest(string Name, string? Question, int DatasetId, ExperimentMapping Mapping, string ControlVariant,
        IReadOnlyDictionary<string, double>? IntendedSplit, ExperimentOptions? Options);

    public sealed record CreateShareLinkRequest(DateTimeOffset? ExpiresAt);

    public sealed record ShareLinkDto(int Id, string? Token, string? Url, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);

    public static void MapExperimentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Experiments");

        group.MapGet("/workspaces/{workspaceId:int}/experiments", async (int workspaceId, ExperimentRepository experiments, CancellationToken ct) =>
            (await experiments.ListAsync(workspaceId, ct)).Select(ExperimentDto.From).ToList())
            .WithSummary("List the experiments of a workspace");

        group.MapPost("/workspaces/{workspaceId:int}/experiments", async Task<Results<Created<ExperimentDto>, ProblemHttpResult>> (
                int workspaceId, CreateExperimentRequest request, ExperimentRepository experiments, DatasetRepository datasets, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(request.Name)) return TypedResults.Problem("An experiment needs a name.", statusCode: 400);
                if (string.IsNullOrWhiteSpace(request.ControlVariant)) return TypedResults.Problem("An experiment needs a control variant.", statusCode: 400);
                if (await datasets.FindAsync(request.DatasetId, ct) is not { } dataset || dataset.WorkspaceId != workspaceId)
                    return TypedResults.Problem($"Dataset {request.DatasetId} does not exist in workspace {workspaceId}.", statusCode: 404);
                var missing = request.Mapping.Columns().Where(m => dataset.Columns.All(c => c.Name != m.Column)).ToList();
                if (missing.Count > 0)
                    return TypedResults.Problem(string.Join(" ", missing.Select(m => $"The {m.Role} column '{m.Column}' is not in dataset '{dataset.Name}'.")), statusCode: 400);
                var created = await experiments.AddAsync(new ExperimentDefinition
                {
                    WorkspaceId = workspaceId,
                    Name = request.Name.Trim(),
                    Question = request.Question,
                    DatasetId = dataset.Id,
                    DatasetVersion = dataset.Version,
                    MappingJson = request.Mapping.ToJson(),
                    ControlVariant = request.ControlVariant.Trim(),
                    IntendedSplitJson = request.IntendedSplit is null ? null : JsonSerializer.Serialize(request.IntendedSplit, ExperimentJson.Options),
                    SpecOptionsJson = (request.Options ?? new ExperimentOptions()).ToJson(),
                }, ct);
                return TypedResults.Created($"/api/experiments/{created.Id}", ExperimentDto.From(created));
            })
            .WithSummary("Define an experiment on a dataset version");

        group.MapGet("/experiments/{id:int}", async Task<Results<Ok<ExperimentDto>, NotFound>> (int id, ExperimentRepository experiments, CancellationToken ct) =>
            await experiments.FindAsync(id, ct) is { } d ? TypedResults.Ok(ExperimentDto.From(d)) : TypedResults.NotFound())
            .WithSummary("An experiment definition");

        group.MapGet("/experiments/{id:int}/readout", async (int id, ExperimentRepository experiments, StoredExperimentAnalyzer analyzer, CancellationToken ct) =>
                await experiments.FindAsync(id, ct) is { } d ? ReadoutResult(await analyzer.AnalyzeAsync(d, ct)) : Results.NotFound())
            .AllowWithShareToken()
            .WithSummary("The readout (or the issues that prevented it; 422)");

        group.MapGet("/experiments/{id:int}/report.html", async (int id, ExperimentRepository experiments, StoredExperimentAnalyzer analyzer, CancellationToken ct) =>
            {
                if (await experiments.FindAsync(id, ct) is not { } d) return Results.NotFound();
                var html = ReportHtmlWriter.Write(await analyzer.AnalyzeAsync(d, ct), CultureInfo.InvariantCulture);
                return Results.File(System.Text.Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", FileName(d, "html"));
            })
            .AllowWithShareToken()
            .WithSummary("A self-contained HTML report (works offline)");

        group.MapGet("/experiments/{id:int}/results.csv", async (int id, ExperimentRepository experiments, StoredExperimentAnalyzer analyzer, CancellationToken ct) =>
            {
                if (await experiments.FindAsync(id, ct) is not { } d) return Results.NotFound();
                var analysis = await analyzer.AnalyzeAsync(d, ct);
                if (analysis.Readout is null) return Problem(analysis);
                return Results.File(System.Text.Encoding.UTF8.GetBytes(ResultsCsvWriter.Write(analysis.Readout)), "text/csv; charset=utf-8", FileName(d, "csv"));
            })
            .AllowWithShareToken()
            .WithSummary("The comparisons as CSV");

        group.MapGet("/experiments/{id:int}/share-links", async (int id, ShareLinkService links, CancellationToken ct) =>
            (await links.ListAsync(id, ct)).Select(l => new ShareLinkDto(l.Id, null, null, l.CreatedAt, l.ExpiresAt, l.RevokedAt)).ToList())
            .WithSummary("Share links of an experiment (tokens are not stored, so not listed)");

        group.MapPost("/experiments/{id:int}/share-links", async Task<Results<Created<ShareLinkDto>, NotFound>> (
                int id, CreateShareLinkRequest? request, HttpContext http, ExperimentRepository experiments, ShareLinkService links, CancellationToken ct) =>
            {
                if (await experiments.FindAsync(id, ct) is null) return TypedResults.NotFound();
                var link = await links.CreateAsync(id, request?.ExpiresAt, ct);
                var url = $"{http.Request.Scheme}://{http.Request.Host}/share/{link.Token}";
                return TypedResults.Created(url, new ShareLinkDto(link.Id, link.Token, url, DateTimeOffset.UtcNow, link.ExpiresAt, null));
            })
            .WithSummary("Create a read-only share link (the token is returned once)");

        group.MapDelete("/experiments/{id:int}/share-links/{linkId:int}", async Task<Results<NoContent, NotFound>> (int id, int linkId, ShareLinkService links, CancellationToken ct) =>
                await links.RevokeAsync(id, linkId, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithSummary("Revoke a share link");

        api.MapGet("/share/{token}", async (string token, ShareLinkService links, ExperimentRepository experiments, StoredExperimentAnalyzer analyzer, CancellationToken ct) =>
            {
                var resolution = await links.ResolveAsync(token, ct);
                return resolution.Status switch
                {
                    ShareLinkStatus.Revoked => Results.Problem("This link was revoked.", statusCode: 410),
                    ShareLinkStatus.Expired => Results.Problem("This link has expired.", statusCode: 410),
                    ShareLinkStatus.Unknown => Results.Problem("No such share link.", statusCode: 404),
                    _ => await experiments.FindAsync(resolution.ExperimentId!.Value, ct) is { } d
                        ? ReadoutResult(await analyzer.AnalyzeAsync(d, ct))
                        : Results.Problem("The shared experiment no longer exists.", statusCode: 404),
                };
            })
            .AllowAnonymous()
            .WithTags("Sharing").WithSummary("The read-only readout behind a share token (404 unknown, 410 revoked or expired)");
    }

    private static IResult ReadoutResult(StoredExperimentAnalysis analysis) =>
        analysis.Readout is { } r ? Results.Json(r, ExperimentJson.Options) : Problem(analysis);

    private static IResult Problem(StoredExperimentAnalysis analysis) =>
        Results.Problem(string.Join(" ", analysis.Issues.Select(i => i.Message)), statusCode: 422, title: "The experiment cannot be analysed");

    private static string FileName(ExperimentDefinition d, string extension)
    {
        var safe = new string(d.Name.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' ? ch : '_').ToArray());
        return $"{safe}-report.{extension}";
    }
}
