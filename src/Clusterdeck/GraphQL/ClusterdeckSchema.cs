using Clusterdeck.GraphQL.Scalars;
using GraphQL;
using GraphQL.Conversion;
using GraphQL.Types;

namespace Clusterdeck.GraphQL;

/// <summary>
/// The part of cc-backend's GraphQL schema that Clusterdeck serves, with its type, field and argument names.
/// Printed to <c>docs/api/schema.graphql</c>.
/// </summary>
internal sealed class ClusterdeckSchema : Schema
{
    public ClusterdeckSchema(IServiceProvider services)
        : base(services)
    {
        // Names exactly as declared (cc-backend has SMT, numHWThreads), not camel-cased by GraphQL.NET.
        NameConverter = DefaultNameConverter.Instance;
        Query = services.GetRequiredService<QueryGraphType>();
        Mutation = services.GetRequiredService<MutationGraphType>();
        // gqlgen's Int is 64-bit; ours replaces the built-in 32-bit one under the same name.
        RegisterType(new GoIntGraphType());
        // Introspection counts at 2%: the standard introspection query of GraphiQL and code generators must fit, yet
        // a document repeating __schema under many aliases still reaches the limit.
        this.WithIntrospectionComplexityImpact(0.02);
    }
}
