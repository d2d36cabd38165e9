using Clusterdeck.Core.Jobs.Queries;
using Clusterdeck.GraphQL.Scalars;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

internal sealed class HistoPointGraphType : ObjectGraphType<HistogramPoint>
{
    public HistoPointGraphType()
    {
        Name = "HistoPoint";
        Field<NonNullGraphType<GoIntGraphType>>("count").Resolve(c => c.Source.Count);
        Field<NonNullGraphType<GoIntGraphType>>("value").Resolve(c => c.Source.Value);
    }
}
