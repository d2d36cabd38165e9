using Clusterdeck.GraphQL.Scalars;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

internal sealed class NodesResultListGraphType : ObjectGraphType<NodesResultList>
{
    public NodesResultListGraphType()
    {
        Name = "NodesResultList";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeMetricsGraphType>>>>("items").Resolve(c => c.Source.Items);
        Field<GoIntGraphType>("offset").Resolve(_ => null);
        Field<GoIntGraphType>("limit").Resolve(_ => null);
        Field<GoIntGraphType>("count").Resolve(_ => null);
        Field<GoIntGraphType>("totalNodes").Resolve(c => c.Source.TotalNodes);
        Field<BooleanGraphType>("hasNextPage").Resolve(c => c.Source.HasNextPage);
    }
}
