namespace Clusterdeck.GraphQL.Scalars;

/// <summary>cc-backend's <c>MetricScope</c> scalar: <c>node</c>, <c>socket</c>, <c>memoryDomain</c>, <c>core</c>, <c>hwthread</c>, <c>accelerator</c>.</summary>
internal sealed class MetricScopeGraphType : StringScalarGraphType
{
    private static readonly string[] Scopes = ["node", "socket", "memoryDomain", "die", "core", "hwthread", "accelerator"];

    public MetricScopeGraphType()
        : base("MetricScope", scope => Scopes.Contains(scope, StringComparer.Ordinal), $"a metric scope is one of {string.Join(", ", Scopes)}")
    {
    }
}
