using Clusterdeck.GraphQL.Scalars;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

/// <summary>cc-backend's <c>NodeStateResultList</c>.</summary>
internal sealed class NodeStateResultListGraphType : ObjectGraphType<NodeStateResultList>
{
    public NodeStateResultListGraphType()
    {
        Name = "NodeStateResultList";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeGraphType>>>>("items").Resolve(c => c.Source.Items);
        Field<GoIntGraphType>("count").Resolve(c => c.Source.Count);
    }
}
