using Clusterdeck.Core.Clusters;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

/// <summary>cc-backend's <c>SubClusterConfig</c>: a subcluster's override of a metric's thresholds.</summary>
internal sealed class SubClusterConfigGraphType : ObjectGraphType<SubClusterMetricConfig>
{
    public SubClusterConfigGraphType()
    {
        Name = "SubClusterConfig";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<FloatGraphType>("peak").Resolve(c => c.Source.Peak);
        Field<FloatGraphType>("normal").Resolve(c => c.Source.Normal);
        Field<FloatGraphType>("caution").Resolve(c => c.Source.Caution);
        Field<FloatGraphType>("alert").Resolve(c => c.Source.Alert);
        Field<BooleanGraphType>("remove").Resolve(c => c.Source.Remove);
    }
}
