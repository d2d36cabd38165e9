using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Clusterdeck.Http;

/// <summary>Title, description and the two ways to send a token, so the browsable reference at <c>/docs</c> can call the API.</summary>
internal sealed class OpenApiDocumentSetup : IOpenApiDocumentTransformer
{
    private const string AuthTokenHeader = "X-Auth-Token";
    private const string Bearer = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Clusterdeck";
        document.Info.Description = "Job monitoring, scheduling, cluster state and consoles for HPC and GPU clusters. "
            + "Authenticate with a JWT (clusterdeck token NAME) in X-Auth-Token or Authorization: Bearer, or log in at /login. "
            + "Routes under /api/ other than /api/v1/ are cc-backend's and take tokens only.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [AuthTokenHeader] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = AuthTokenHeader,
                Description = "JWT signed with Ed25519, as cc-backend accepts it",
            },
            [Bearer] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT" },
        };
        // Either scheme will do: two alternative requirements.
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AuthTokenHeader, document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] },
        ];
        return Task.CompletedTask;
    }
}
