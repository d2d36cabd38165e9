using Clusterdeck.Core.Accounts;
using GraphQL;

namespace Clusterdeck.GraphQL;

internal static class ResolveContextExtensions
{
    public static GraphQLUserContext RequestContext(this IResolveFieldContext context) =>
        context.UserContext as GraphQLUserContext ?? throw new InvalidOperationException("GraphQL executed without a caller");

    public static Caller Caller(this IResolveFieldContext context) => context.RequestContext().Caller;

    /// <summary>An application service of the request's scope.</summary>
    public static T Service<T>(this IResolveFieldContext context)
        where T : notnull =>
        context.RequestServices!.GetRequiredService<T>();
}
