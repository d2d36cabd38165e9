using Clusterdeck.Core.Archive;
using Clusterdeck.GraphQL.Scalars;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

/// <summary>cc-backend's <c>StatsSeries</c>. Computed series have no mean (empty), as in cc-backend; archived ones may.</summary>
internal sealed class StatsSeriesGraphType : ObjectGraphType<StatisticsSeries>
{
    public StatsSeriesGraphType()
    {
        Name = "StatsSeries";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NullableFloatGraphType>>>>("mean").Resolve(c => c.Source.Mean);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NullableFloatGraphType>>>>("median").Resolve(c => c.Source.Median);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NullableFloatGraphType>>>>("min").Resolve(c => c.Source.Min);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NullableFloatGraphType>>>>("max").Resolve(c => c.Source.Max);
    }
}
