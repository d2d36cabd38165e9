using Clusterdeck.GraphQL.Scalars;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

internal sealed class NamedStatsWithScopeGraphType : ObjectGraphType<NamedStatsWithScope>
{
    public NamedStatsWithScopeGraphType()
    {
        Name = "NamedStatsWithScope";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<MetricScopeGraphType>>("scope").Resolve(c => c.Source.Scope);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScopedStatsGraphType>>>>("stats").Resolve(c => c.Source.Stats);
    }
}
