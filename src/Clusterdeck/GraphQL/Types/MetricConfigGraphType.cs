using Clusterdeck.Core.Clusters;
using Clusterdeck.GraphQL.Scalars;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

internal sealed class MetricConfigGraphType : ObjectGraphType<MetricConfig>
{
    public MetricConfigGraphType()
    {
        Name = "MetricConfig";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<UnitGraphType>>("unit").Resolve(c => c.Source.Unit);
        Field<NonNullGraphType<MetricScopeGraphType>>("scope").Resolve(c => c.Source.Scope);
        Field<NonNullGraphType<StringGraphType>>("aggregation").Resolve(c => c.Source.Aggregation);
        Field<NonNullGraphType<GoIntGraphType>>("timestep").Resolve(c => c.Source.Timestep);
        Field<NonNullGraphType<FloatGraphType>>("peak").Resolve(c => c.Source.Peak);
        Field<FloatGraphType>("normal").Resolve(c => c.Source.Normal);
        Field<NonNullGraphType<FloatGraphType>>("caution").Resolve(c => c.Source.Caution);
        Field<NonNullGraphType<FloatGraphType>>("alert").Resolve(c => c.Source.Alert);
        Field<BooleanGraphType>("lowerIsBetter").Resolve(c => c.Source.LowerIsBetter);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SubClusterConfigGraphType>>>>("subClusters").Resolve(c => c.Source.SubClusters ?? []);
    }
}
