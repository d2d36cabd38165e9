using Clusterdeck.Core.Archive;

namespace Clusterdeck.GraphQL.Types;

/// <summary>One metric at one scope with its name, as cc-backend's <c>JobMetricWithName</c> carries it.</summary>
internal sealed record JobMetricWithName(string Name, string Scope, JobMetric Metric)
{
    public static List<JobMetricWithName> From(JobData data) =>
        [.. data.SelectMany(metric => metric.Value.Select(scope => new JobMetricWithName(metric.Key, scope.Key, scope.Value)))];
}
