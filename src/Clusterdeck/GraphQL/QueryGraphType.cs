using Clusterdeck.Core.Accounts;
using Clusterdeck.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace Clusterdeck.GraphQL;

/// <summary>cc-backend's <c>Query</c>: clusters, tags, user, job, jobs, jobsStatistics.</summary>
internal sealed partial class QueryGraphType : ObjectGraphType
{
    public QueryGraphType()
    {
        Name = "Query";
        Field<UserGraphType>("user")
            .Argument<NonNullGraphType<StringGraphType>>("username")
            .ResolveAsync(async c => await c.Service<UserService>().FindProfileAsync(c.Caller(), c.GetArgument<string>("username"), c.CancellationToken));
    }
}
