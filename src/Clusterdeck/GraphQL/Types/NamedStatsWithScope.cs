using Clusterdeck.Core.Metrics;

namespace Clusterdeck.GraphQL.Types;

/// <summary>A metric at one scope with the statistics of each of its series (cc-backend's <c>NamedStatsWithScope</c>).</summary>
internal sealed record NamedStatsWithScope(string Name, string Scope, IReadOnlyList<ScopedStatistics> Stats)
{
    public static List<NamedStatsWithScope> From(ScopedJobStatistics statistics) =>
        [.. statistics.SelectMany(metric => metric.Value.Select(scope => new NamedStatsWithScope(metric.Key, scope.Key, scope.Value)))];
}
