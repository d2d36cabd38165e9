using Clusterdeck.Core.Jobs;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

internal sealed class UnitGraphType : ObjectGraphType<MetricUnit>
{
    public UnitGraphType()
    {
        Name = "Unit";
        Field<NonNullGraphType<StringGraphType>>("base").Resolve(c => c.Source.Base);
        Field<StringGraphType>("prefix").Resolve(c => c.Source.Prefix);
    }
}
