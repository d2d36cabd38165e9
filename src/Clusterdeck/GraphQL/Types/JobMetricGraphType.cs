using Clusterdeck.Core.Archive;
using Clusterdeck.GraphQL.Scalars;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

/// <summary>cc-backend's <c>JobMetric</c>: unit, timestep, one series per host (and scope id), and the statistics series.</summary>
internal sealed class JobMetricGraphType : ObjectGraphType<JobMetric>
{
    public JobMetricGraphType()
    {
        Name = "JobMetric";
        Field<UnitGraphType>("unit").Resolve(c => c.Source.Unit);
        Field<NonNullGraphType<GoIntGraphType>>("timestep").Resolve(c => c.Source.Timestep);
        Field<ListGraphType<NonNullGraphType<SeriesGraphType>>>("series").Resolve(c => c.Source.Series);
        Field<StatsSeriesGraphType>("statisticsSeries").Resolve(c => c.Source.StatisticsSeries);
    }
}
