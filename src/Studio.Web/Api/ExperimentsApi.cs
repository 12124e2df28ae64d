using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Studio.Analysis.Experiments;
using Studio.Analysis.Experiments.Readout;
using Studio.Analysis.Experiments.Stored;
using Studio.Analysis.Experiments.Summaries;
using Studio.Data.Datasets;
using Studio.Data.Experiments;
using Studio.Web.Audit;
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

    /// <summary>Aggregated input analysed without storing it: per-arm totals (rows without a day) or daily cumulative aggregates.</summary>
    public sealed record SummaryReadoutRequest(string Name, string ControlVariant, IReadOnlyDictionary<string, double>? IntendedSplit,
        ExperimentOptions? Options, IReadOnlyList<SummaryMetricDto> Metrics, IReadOnlyList<SummaryRowDto> Rows);

    /// <summary>A metric of summary input: a proportion (rows give conversions) or a mean (rows give mean and sd or variance).</summary>
    public sealed record SummaryMetricDto(string Name, MetricKind Kind, MetricRole Role = MetricRole.Primary);

    /// <summary>One variant (and day, for daily cumulative input) of one metric: n and conversions, or n, mean and sd/variance.</summary>
    public sealed record SummaryRowDto(string Variant, string Metric, long N, DateOnly? Day = null, long? Conversions = null, double? Mean = null,
        double? Sd = null, double? Variance = null);

    public sealed record CreateShareLinkRequest(DateTimeOffset? ExpiresAt);

    public sealed record ShareLinkDto(int Id, string? Token, string? Url, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);

    public static void MapExperimentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Experiments");

        group.MapGet("/workspaces/{workspaceId:int}/experiments", async (int workspaceId, ExperimentRepository experiments, CancellationToken ct) =>
            (await experiments.ListAsync(workspaceId, ct)).Select(ExperimentDto.From).ToList())
            .WithSummary("List the experiments of a workspace");

        group.MapPost("/workspaces/{workspaceId:int}/experiments", async Task<IResult> (
                int workspaceId, HttpRequest http, ExperimentRepository experiments, DatasetRepository datasets, CancellationToken ct) =>
            {
                var (request, invalid) = await StrictJson.ReadAsync<CreateExperimentRequest>(http, ct);
                if (invalid is not null) return invalid;
                var problems = Validate(request!);
                if (problems.Count > 0) return StrictJson.Problem(problems);
                if (await datasets.FindAsync(request!.DatasetId, ct) is not { } dataset || dataset.WorkspaceId != workspaceId)
                    return TypedResults.Problem($"Dataset {request!.DatasetId} does not exist in workspace {workspaceId}.", statusCode: 404);
                var columns = dataset.Columns.ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
                var missing = request.Mapping.Columns().Where(m => !columns.ContainsKey(m.Column)).ToList();
                if (missing.Count > 0)
                    return StrictJson.Problem([.. missing.Select(m => ("mapping", $"The {m.Role} column '{m.Column}' is not in dataset '{dataset.Name}'."))]);
                if (request.Options?.SegmentAttribute is { } segment && !(request.Mapping.Segments ?? []).Contains(segment))
                    return StrictJson.Problem([("options.segmentAttribute", $"Segment attribute '{segment}' must also be listed in mapping.segments.")]);
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
            .Accepts<CreateExperimentRequest>("application/json")
            .Produces<ExperimentDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithSummary("Define an experiment on a dataset version (unknown fields and out-of-range options: 400 naming the field)");

        group.MapPost("/experiments/summary-readout", async Task<IResult> (HttpRequest http, IExperimentAnalyzer analyzer, CancellationToken ct) =>
            {
                var (request, invalid) = await StrictJson.ReadAsync<SummaryReadoutRequest>(http, ct);
                if (invalid is not null) return invalid;
                var (input, spec, problems) = SummaryRequests.ToInput(request!);
                if (problems.Count > 0) return StrictJson.Problem(problems);
                var analysis = analyzer.TryAnalyze(input!, spec!, ct);
                return analysis.Readout is { } r
                    ? Results.Json(r, ExperimentJson.Options)
                    : Results.Problem(string.Join(" ", analysis.Issues.Select(i => i.Message)), statusCode: 422, title: "The experiment cannot be analysed");
            })
            .Accepts<SummaryReadoutRequest>("application/json")
            .ProducesValidationProblem()
            .WithSummary("The readout of aggregated data (per-arm totals, or daily cumulative aggregates with the always-valid sequence over days)");

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
                int id, CreateShareLinkRequest? request, HttpContext http, ExperimentRepository experiments, ShareLinkService links, AuditTrail audit, CancellationToken ct) =>
            {
                if (await experiments.FindAsync(id, ct) is not { } experiment) return TypedResults.NotFound();
                var link = await links.CreateAsync(id, request?.ExpiresAt, ct);
                await audit.ShareLinkCreatedAsync(experiment.Id, experiment.WorkspaceId, link);
                var url = $"{http.Request.Scheme}://{http.Request.Host}/share/{link.Token}";
                return TypedResults.Created(url, new ShareLinkDto(link.Id, link.Token, url, DateTimeOffset.UtcNow, link.ExpiresAt, null));
            })
            .WithSummary("Create a read-only share link (the token is returned once)");

        group.MapDelete("/experiments/{id:int}/share-links/{linkId:int}", async Task<Results<NoContent, NotFound>> (
                int id, int linkId, ShareLinkService links, ExperimentRepository experiments, AuditTrail audit, CancellationToken ct) =>
            {
                if (!await links.RevokeAsync(id, linkId, ct)) return TypedResults.NotFound();
                await audit.ShareLinkRevokedAsync(id, (await experiments.FindAsync(id, ct))?.WorkspaceId, linkId);
                return TypedResults.NoContent();
            })
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

    private static List<(string Field, string Message)> Validate(CreateExperimentRequest request)
    {
        var problems = new List<(string Field, string Message)>();
        if (string.IsNullOrWhiteSpace(request.Name)) problems.Add(("name", "An experiment needs a name."));
        if (string.IsNullOrWhiteSpace(request.ControlVariant)) problems.Add(("controlVariant", "An experiment needs a control variant."));
        if (request.Mapping is null) problems.Add(("mapping", "A column mapping is required."));
        else problems.AddRange(request.Mapping.Validate());
        problems.AddRange(request.Options?.Validate() ?? []);
        problems.AddRange(SummaryRequests.ValidateSplit(request.IntendedSplit, request.ControlVariant));
        return problems;
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
