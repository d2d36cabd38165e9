using Clusterdeck.Core.Clusters;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

/// <summary>cc-backend's <c>MetricValue</c> without <c>name</c>, which cc-backend never implemented (its resolver panics).</summary>
internal sealed class MetricValueGraphType : ObjectGraphType<MetricValue>
{
    public MetricValueGraphType()
    {
        Name = "MetricValue";
        Field<NonNullGraphType<UnitGraphType>>("unit").Resolve(c => c.Source.Unit);
        Field<NonNullGraphType<FloatGraphType>>("value").Resolve(c => c.Source.Value);
    }
}
