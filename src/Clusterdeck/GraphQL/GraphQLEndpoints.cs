using System.Text.Json;
using Clusterdeck.Core.Accounts;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Validation;

namespace Clusterdeck.GraphQL;

/// <summary>
/// cc-backend's GraphQL endpoint, <c>/query</c>: the standard JSON body <c>{query, operationName, variables}</c> by POST,
/// or the same as query-string parameters by GET (queries only). Any authenticated caller, by token or session.
/// Status codes follow gqlgen: 200 once executed (resolver errors are in <c>errors</c>), 422 for a document that does not
/// parse or validate (including the complexity limit), 400 for a body that is not a GraphQL request.
/// </summary>
internal static class GraphQLEndpoints
{
    public const string Path = "/query";

    public static IEndpointRouteBuilder MapGraphQLEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Described by its own SDL (docs/api/schema.graphql), not in the OpenAPI document.
        endpoints.MapPost(Path, PostAsync).DisableAntiforgery().ExcludeFromDescription();
        endpoints.MapGet(Path, GetAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task PostAsync(HttpContext context, IGraphQLTextSerializer serializer, CancellationToken cancellationToken)
    {
        if (await AuthenticatedCallerAsync(context, serializer, cancellationToken) is not { } caller)
        {
            return;
        }

        GraphQLRequest? request;
        try
        {
            request = await serializer.ReadAsync<GraphQLRequest>(context.Request.Body, cancellationToken);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NotSupportedException)
        {
            await WriteErrorAsync(context, serializer, StatusCodes.Status400BadRequest, $"json request body could not be decoded: {e.Message}", cancellationToken);
            return;
        }

        await ExecuteAsync(context, serializer, caller, request, getRequest: false, cancellationToken);
    }

    /// <summary>The caller, or null after answering 401 (any authenticated caller may query, as in cc-backend).</summary>
    private static async Task<Caller?> AuthenticatedCallerAsync(HttpContext context, IGraphQLTextSerializer serializer, CancellationToken cancellationToken)
    {
        if (context.User.ToCaller() is { } caller)
        {
            return caller;
        }

        await WriteErrorAsync(context, serializer, StatusCodes.Status401Unauthorized, "authentication required: log in or send a token", cancellationToken);
        return null;
    }

    private static async Task GetAsync(HttpContext context, IGraphQLTextSerializer serializer, CancellationToken cancellationToken)
    {
        if (await AuthenticatedCallerAsync(context, serializer, cancellationToken) is not { } caller)
        {
            return;
        }

        var query = context.Request.Query;
        global::GraphQL.Inputs? variables = null;
        if (query["variables"].ToString() is { Length: > 0 } json)
        {
            try
            {
                variables = serializer.Deserialize<global::GraphQL.Inputs>(json);
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NotSupportedException)
            {
                await WriteErrorAsync(context, serializer, StatusCodes.Status400BadRequest, $"variables could not be decoded: {e.Message}", cancellationToken);
                return;
            }
        }

        var request = new GraphQLRequest
        {
            Query = query["query"].ToString(),
            OperationName = query["operationName"].ToString() is { Length: > 0 } name ? name : null,
            Variables = variables,
        };
        await ExecuteAsync(context, serializer, caller, request, getRequest: true, cancellationToken);
    }

    private static async Task ExecuteAsync(HttpContext context, IGraphQLTextSerializer serializer, Caller caller, GraphQLRequest? request, bool getRequest, CancellationToken cancellationToken)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.Query))
        {
            await WriteErrorAsync(context, serializer, StatusCodes.Status400BadRequest, "no GraphQL query in the request: send {\"query\": \"...\"}", cancellationToken);
            return;
        }

        var executer = context.RequestServices.GetRequiredService<IDocumentExecuter<ClusterdeckSchema>>();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            UserContext = new GraphQLUserContext(caller),
            User = context.User,
            RequestServices = context.RequestServices,
            CancellationToken = cancellationToken,
            ValidationRules = getRequest ? [.. DocumentValidator.CoreRules, QueryOperationsOnlyRule.Instance] : null,
        });

        context.Response.StatusCode = result.Executed ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;
        context.Response.ContentType = "application/json";
        await serializer.WriteAsync(context.Response.Body, result, cancellationToken);
    }

    private static async Task WriteErrorAsync(HttpContext context, IGraphQLTextSerializer serializer, int status, string message, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await serializer.WriteAsync(context.Response.Body, new ExecutionResult { Errors = [new ExecutionError(message)] }, cancellationToken);
    }
}
