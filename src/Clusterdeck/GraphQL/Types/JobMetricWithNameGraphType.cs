using Clusterdeck.GraphQL.Scalars;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

internal sealed class JobMetricWithNameGraphType : ObjectGraphType<JobMetricWithName>
{
    public JobMetricWithNameGraphType()
    {
        Name = "JobMetricWithName";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<MetricScopeGraphType>>("scope").Resolve(c => c.Source.Scope);
        Field<NonNullGraphType<JobMetricGraphType>>("metric").Resolve(c => c.Source.Metric);
    }
}
