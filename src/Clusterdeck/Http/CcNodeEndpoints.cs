using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Nodes;

namespace Clusterdeck.Http;

/// <summary>
/// cc-backend's node-state route, <c>POST</c> and <c>PUT /api/nodestate/</c> (its OpenAPI document calls it
/// <c>/api/nodestats/</c>; the server mounts <c>/nodestate/</c>): a batch-system adapter reports its nodes' states.
/// </summary>
internal static class CcNodeEndpoints
{
    public static IEndpointRouteBuilder MapCcNodeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("cc-backend: nodes").AddEndpointFilter<CcApiAccessFilter>().DisableAntiforgery();
        api.MapPost("/nodestate/", UpdateAsync).WithSummary("Record the scheduler states of a cluster's nodes (with a health judged from their metrics)");
        api.MapPut("/nodestate/", UpdateAsync).WithSummary("Same as POST");
        return endpoints;
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, NodeService nodes, CancellationToken cancellationToken)
    {
        try
        {
            var request = await CcJson.ReadAsync<CcNodeStatesRequest>(context.Request, "parsing request body failed", cancellationToken);
            var reports = request.Nodes?.Select((node, i) => node?.ToReport() ?? throw new InvalidInputException($"nodes[{i}]: null instead of a node")).ToList();
            var result = await nodes.UpdateStatesAsync(context.User.RequireCaller(), request.Cluster, reports, cancellationToken);
            var skipped = result.SkippedHosts.Count == 0
                ? ""
                : $"; skipped {result.SkippedHosts.Count} host(s) in no subcluster of {request.Cluster}: {string.Join(", ", result.SkippedHosts.Take(10))}";
            return CcApi.Message($"Updated the state of {result.Stored} node(s){skipped}");
        }
        catch (InvalidInputException e)
        {
            return CcApi.Error(StatusCodes.Status400BadRequest, e.Message);
        }
        catch (AccessDeniedException e)
        {
            return CcApi.Error(StatusCodes.Status403Forbidden, e.Message);
        }
    }
}
