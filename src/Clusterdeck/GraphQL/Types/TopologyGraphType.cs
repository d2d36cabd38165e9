using Clusterdeck.Core.Clusters;
using Clusterdeck.GraphQL.Scalars;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

internal sealed class TopologyGraphType : ObjectGraphType<Topology>
{
    public TopologyGraphType()
    {
        Name = "Topology";
        Field<ListGraphType<NonNullGraphType<GoIntGraphType>>>("node").Resolve(c => c.Source.Node);
        Field<ListGraphType<NonNullGraphType<ListGraphType<NonNullGraphType<GoIntGraphType>>>>>("socket").Resolve(c => c.Source.Socket);
        Field<ListGraphType<NonNullGraphType<ListGraphType<NonNullGraphType<GoIntGraphType>>>>>("memoryDomain").Resolve(c => c.Source.MemoryDomain);
        Field<ListGraphType<NonNullGraphType<ListGraphType<NonNullGraphType<GoIntGraphType>>>>>("die").Resolve(c => c.Source.Die);
        Field<ListGraphType<NonNullGraphType<ListGraphType<NonNullGraphType<GoIntGraphType>>>>>("core").Resolve(c => c.Source.Core);
        Field<ListGraphType<NonNullGraphType<AcceleratorGraphType>>>("accelerators").Resolve(c => c.Source.Accelerators);
    }
}
