using Clusterdeck.Core.Jobs;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

internal sealed class ResourceGraphType : ObjectGraphType<JobResource>
{
    public ResourceGraphType()
    {
        Name = "Resource";
        Field<NonNullGraphType<StringGraphType>>("hostname").Resolve(c => c.Source.Hostname);
        Field<ListGraphType<NonNullGraphType<Scalars.GoIntGraphType>>>("hwthreads").Resolve(c => c.Source.HwThreads);
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("accelerators").Resolve(c => c.Source.Accelerators);
        Field<StringGraphType>("configuration").Resolve(c => c.Source.Configuration);
    }
}
