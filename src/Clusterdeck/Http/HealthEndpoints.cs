using Clusterdeck.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clusterdeck.Http;

internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", Alive).WithTags("Operations").WithSummary("Liveness: the process answers").AllowAnonymous();
        endpoints.MapGet("/readyz", ReadyAsync).WithTags("Operations").WithSummary("Readiness: database reachable and migrated").AllowAnonymous();
        return endpoints;
    }

    private static Ok<HealthResponse> Alive() => TypedResults.Ok(new HealthResponse("alive", null));

    private static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> ReadyAsync(DatabaseMigrator database, CancellationToken cancellationToken)
    {
        var status = await database.CheckAsync(cancellationToken);
        if (status.Ready)
        {
            return TypedResults.Ok(new HealthResponse("ready", null));
        }

        var reason = status.Reachable
            ? $"{status.PendingMigrations.Count} migration(s) pending: run 'clusterdeck db migrate'"
            : $"database unreachable: {status.Error}";
        return TypedResults.Json(new HealthResponse("not ready", reason), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
