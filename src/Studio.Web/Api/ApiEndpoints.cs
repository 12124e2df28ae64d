namespace Studio.Web.Api;

/// <summary>The HTTP API, documented at <c>/openapi/v1.json</c>.</summary>
public static class ApiEndpoints
{
    public static WebApplication MapStudioApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api").DisableAntiforgery().RequireWritersForChanges().RestrictTokensToTheirWorkspace();
        api.MapWorkspacesApi();
        api.MapDatasetsApi();
        api.MapRecipesApi();
        api.MapEncodingApi();
        api.MapUploadsApi();
        api.MapImportsApi();
        api.MapJobsApi();
        api.MapModelsApi();
        api.MapSequencesApi();
        api.MapExperimentsApi();
        api.MapSegmentsApi();
        api.MapProjectionsApi();
        api.MapAuditApi();
        return app;
    }
}
