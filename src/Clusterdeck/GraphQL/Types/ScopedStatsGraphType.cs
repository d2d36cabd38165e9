using Clusterdeck.Core.Metrics;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

internal sealed class ScopedStatsGraphType : ObjectGraphType<ScopedStatistics>
{
    public ScopedStatsGraphType()
    {
        Name = "ScopedStats";
        Field<NonNullGraphType<StringGraphType>>("hostname").Resolve(c => c.Source.Hostname);
        Field<StringGraphType>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<MetricStatisticsGraphType>>("data").Resolve(c => c.Source.Data);
    }
}
