using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Jobs.Queries;
using Clusterdeck.Core.Nodes;
using Clusterdeck.GraphQL.Inputs;
using Clusterdeck.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace Clusterdeck.GraphQL;

/// <summary>
/// cc-backend's node queries on <c>Query</c>: <c>node</c>, <c>nodes</c>, <c>nodesWithMeta</c>, <c>nodeStates</c> and
/// <c>nodeStatesTimed</c>. Admin and support staff only, as in cc-backend.
/// </summary>
internal static class NodeQueryFields
{
    public static void AddNodeFields(this QueryGraphType query)
    {
        query.Field<NodeGraphType>("node")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Service<NodeService>().GetAsync(c.Caller(), InputValues.ParseId(c.GetArgument<object>("id"), "node id"), c.CancellationToken));
        query.Field<NonNullGraphType<NodeStateResultListGraphType>>("nodes")
            .Argument<ListGraphType<NonNullGraphType<NodeFilterGraphType>>>("filter")
            .Argument<OrderByInputGraphType>("order")
            .ResolveAsync(async c => await NodesAsync(c, withMetaData: false));
        query.Field<NonNullGraphType<NodeStateResultListGraphType>>("nodesWithMeta")
            .Argument<ListGraphType<NonNullGraphType<NodeFilterGraphType>>>("filter")
            .Argument<OrderByInputGraphType>("order")
            .ResolveAsync(async c => await NodesAsync(c, withMetaData: true));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeStatesGraphType>>>>("nodeStates")
            .Argument<ListGraphType<NonNullGraphType<NodeFilterGraphType>>>("filter")
            .ResolveAsync(async c => await c.Service<NodeService>().CountStatesAsync(c.Caller(), Filters(c), c.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeStatesTimedGraphType>>>>("nodeStatesTimed")
            .Argument<ListGraphType<NonNullGraphType<NodeFilterGraphType>>>("filter")
            .Argument<NonNullGraphType<StringGraphType>>("type")
            .ResolveAsync(async c => await c.Service<NodeService>().CountStatesTimedAsync(c.Caller(), Filters(c), c.GetArgument<string>("type"), c.CancellationToken));
    }

    private static async Task<NodeStateResultList> NodesAsync(IResolveFieldContext context, bool withMetaData)
    {
        var items = await context.Service<NodeService>().QueryAsync(context.Caller(), Filters(context), Order(context), withMetaData, context.CancellationToken);
        return new NodeStateResultList(items, items.Count);
    }

    /// <summary>The shared <c>OrderByInput</c> names a node field with type <c>col</c>; nodes have no footprint to sort by.</summary>
    private static NodeOrder? Order(IResolveFieldContext context) => context.GetArgument<JobOrder?>("order") switch
    {
        null => null,
        { Type: JobOrder.Footprint } => throw new InvalidInputException("nodes have no footprint to order by; use type 'col'"),
        var order => new NodeOrder(order.Field, order.Descending),
    };

    private static List<NodeFilter> Filters(IResolveFieldContext context) =>
        context.GetArgument<List<object>?>("filter")?.Cast<NodeFilter>().ToList() ?? [];
}
