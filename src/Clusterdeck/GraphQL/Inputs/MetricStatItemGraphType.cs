using Clusterdeck.Core.Jobs.Queries;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Inputs;

/// <summary>cc-backend's <c>MetricStatItem</c>: a footprint value range such as <c>flops_any_avg</c> in [from, to].</summary>
internal sealed class MetricStatItemGraphType : InputObjectGraphType
{
    public MetricStatItemGraphType()
    {
        Name = "MetricStatItem";
        Field<NonNullGraphType<StringGraphType>>("metricName");
        Field<NonNullGraphType<FloatRangeGraphType>>("range");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new MetricStatItem(value.Get<string>("metricName") ?? "", value.Get<FloatRange>("range") ?? new FloatRange(0, 0));
}
