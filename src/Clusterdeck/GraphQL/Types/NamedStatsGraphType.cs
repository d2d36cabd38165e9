using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

internal sealed class NamedStatsGraphType : ObjectGraphType<NamedStats>
{
    public NamedStatsGraphType()
    {
        Name = "NamedStats";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<MetricStatisticsGraphType>>("data").Resolve(c => c.Source.Data);
    }
}
