using Clusterdeck.Core.Clusters;

namespace Clusterdeck.Http;

/// <summary>cc-backend's <c>GET /api/clusters/</c>: every cluster configuration with its derived subcluster lists, or one by <c>?cluster=</c>.</summary>
internal static class CcClusterEndpoints
{
    public static IEndpointRouteBuilder MapCcClusterEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("cc-backend: clusters").AddEndpointFilter<CcApiAccessFilter>();
        api.MapGet("/clusters/", List)
            .WithSummary("List cluster configurations; cluster=NAME returns only that one (400 when unknown)")
            .Produces<CcClusters>();
        return endpoints;
    }

    private static IResult List(HttpContext context, IClusterCatalog catalog)
    {
        // cc-backend looks the name up whenever the parameter is present, even when it is empty.
        if (context.Request.Query.TryGetValue("cluster", out var requested))
        {
            var name = requested.ToString();
            return catalog.Find(name) is { } cluster
                ? Results.Json(new CcClusters([cluster]))
                : CcApi.Error(StatusCodes.Status400BadRequest, $"unknown cluster: {name}");
        }

        return Results.Json(new CcClusters(catalog.Clusters));
    }
}
