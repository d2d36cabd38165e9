using Clusterdeck.Core.Archive;
using Clusterdeck.GraphQL.Scalars;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

internal sealed class SeriesGraphType : ObjectGraphType<MetricSeries>
{
    public SeriesGraphType()
    {
        Name = "Series";
        Field<NonNullGraphType<StringGraphType>>("hostname").Resolve(c => c.Source.Hostname);
        Field<StringGraphType>("id").Resolve(c => c.Source.Id);
        Field<MetricStatisticsGraphType>("statistics").Resolve(c => c.Source.Statistics);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NullableFloatGraphType>>>>("data").Resolve(c => c.Source.Data);
    }
}
