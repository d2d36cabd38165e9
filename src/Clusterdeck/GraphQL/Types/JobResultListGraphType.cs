using Clusterdeck.GraphQL.Scalars;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

/// <summary>cc-backend's <c>JobResultList</c>; <c>offset</c> and <c>limit</c> describe the page served (cc-backend leaves them null).</summary>
internal sealed class JobResultListGraphType : ObjectGraphType<JobResultList>
{
    public JobResultListGraphType()
    {
        Name = "JobResultList";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<JobGraphType>>>>("items").Resolve(c => c.Source.Items);
        Field<GoIntGraphType>("offset").Resolve(c => c.Source.Page.Offset);
        Field<GoIntGraphType>("limit").Resolve(c => c.Source.Page.ItemsPerPage < 0 ? null : c.Source.Page.ItemsPerPage);
        Field<GoIntGraphType>("count").Resolve(c => c.Source.Count);
        Field<BooleanGraphType>("hasNextPage").Resolve(c => c.Source.HasNextPage);
    }
}
