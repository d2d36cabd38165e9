using GraphQL;
using GraphQL.Utilities;

namespace Clusterdeck.GraphQL;

/// <summary>The served schema as SDL, as committed in <c>docs/api/schema.graphql</c>.</summary>
internal static class GraphQLSchemaPrinter
{
    public static string Print(IServiceProvider services)
    {
        var schema = services.GetRequiredService<ClusterdeckSchema>();
        schema.Initialize();
        return schema.Print(new PrintOptions { IncludeDescriptions = false, IncludeDeprecationReasons = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";
    }
}
