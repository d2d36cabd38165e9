using Clusterdeck.Core.Clusters;
using Clusterdeck.GraphQL.Scalars;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

internal sealed class GlobalMetricListItemGraphType : ObjectGraphType<GlobalMetricListItem>
{
    public GlobalMetricListItemGraphType()
    {
        Name = "GlobalMetricListItem";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<UnitGraphType>>("unit").Resolve(c => c.Source.Unit);
        Field<NonNullGraphType<MetricScopeGraphType>>("scope").Resolve(c => c.Source.Scope);
        Field<StringGraphType>("footprint").Resolve(c => c.Source.Footprint);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClusterSupportGraphType>>>>("availability").Resolve(c => c.Source.Availability);
    }
}
