using Clusterdeck.Core.Nodes;
using Clusterdeck.GraphQL.Scalars;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

/// <summary>cc-backend's <c>NodeStatesTimed</c>: for one state, the node count at each update time.</summary>
internal sealed class NodeStatesTimedGraphType : ObjectGraphType<NodeStateTimeline>
{
    public NodeStatesTimedGraphType()
    {
        Name = "NodeStatesTimed";
        Field<NonNullGraphType<StringGraphType>>("state").Resolve(c => c.Source.State);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GoIntGraphType>>>>("counts").Resolve(c => c.Source.Counts);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GoIntGraphType>>>>("times").Resolve(c => c.Source.Times);
    }
}
