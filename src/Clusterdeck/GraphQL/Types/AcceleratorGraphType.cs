using Clusterdeck.Core.Clusters;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

internal sealed class AcceleratorGraphType : ObjectGraphType<Accelerator>
{
    public AcceleratorGraphType()
    {
        Name = "Accelerator";
        Field<NonNullGraphType<StringGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("type").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<StringGraphType>>("model").Resolve(c => c.Source.Model);
    }
}
