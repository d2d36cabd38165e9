using Clusterdeck.Core.Archive;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

/// <summary>cc-backend's <c>MetricStatistics</c>: avg, min and max (of a series, or of a job across its nodes).</summary>
internal sealed class MetricStatisticsGraphType : ObjectGraphType<SeriesStatistics>
{
    public MetricStatisticsGraphType()
    {
        Name = "MetricStatistics";
        Field<NonNullGraphType<FloatGraphType>>("avg").Resolve(c => c.Source.Avg);
        Field<NonNullGraphType<FloatGraphType>>("min").Resolve(c => c.Source.Min);
        Field<NonNullGraphType<FloatGraphType>>("max").Resolve(c => c.Source.Max);
    }
}
