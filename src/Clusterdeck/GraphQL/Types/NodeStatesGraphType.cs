using Clusterdeck.Core.Nodes;
using Clusterdeck.GraphQL.Scalars;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

/// <summary>cc-backend's <c>NodeStates</c>: how many nodes are in a state.</summary>
internal sealed class NodeStatesGraphType : ObjectGraphType<NodeStateCount>
{
    public NodeStatesGraphType()
    {
        Name = "NodeStates";
        Field<NonNullGraphType<StringGraphType>>("state").Resolve(c => c.Source.State);
        Field<NonNullGraphType<GoIntGraphType>>("count").Resolve(c => c.Source.Count);
    }
}
