using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Studio.Web.Accounts;

/// <summary>Describes the personal access tokens in <c>/openapi/v1.json</c>: an HTTP bearer scheme required by every operation.</summary>
internal sealed class BearerOpenApiTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeId = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "Studio personal access token (stp_…)",
            Description = "A personal access token from Account → API tokens: read or read/write, optionally limited to one workspace, expiring, revocable.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, document)] = [] });
        return Task.CompletedTask;
    }
}
