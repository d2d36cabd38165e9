using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Core.Metrics.Sources;

/// <summary>The registered <see cref="IMetricSource"/>: sends each call to its cluster's source, or to the default one.</summary>
internal sealed class RoutingMetricSource(IMetricSource fallback, IReadOnlyDictionary<string, IMetricSource> byCluster, IReadOnlyList<IDisposable> owned)
    : IMetricSource, IDisposable
{
    public Task<MetricLoad<JobData>> LoadJobDataAsync(
        Job job, IReadOnlyList<string> metrics, IReadOnlyList<string> scopes, int resolution, CancellationToken cancellationToken) =>
        For(job.Cluster).LoadJobDataAsync(job, metrics, scopes, resolution, cancellationToken);

    public Task<MetricLoad<JobStatistics>> LoadJobStatisticsAsync(Job job, IReadOnlyList<string> metrics, CancellationToken cancellationToken) =>
        For(job.Cluster).LoadJobStatisticsAsync(job, metrics, cancellationToken);

    public Task<MetricLoad<ScopedJobStatistics>> LoadScopedJobStatisticsAsync(
        Job job, IReadOnlyList<string> metrics, IReadOnlyList<string> scopes, CancellationToken cancellationToken) =>
        For(job.Cluster).LoadScopedJobStatisticsAsync(job, metrics, scopes, cancellationToken);

    public Task<MetricLoad<NodeData>> LoadNodeDataAsync(
        string cluster, IReadOnlyList<string> hosts, IReadOnlyList<string> metrics, IReadOnlyList<string> scopes,
        long fromTime, long toTime, int resolution, CancellationToken cancellationToken) =>
        For(cluster).LoadNodeDataAsync(cluster, hosts, metrics, scopes, fromTime, toTime, resolution, cancellationToken);

    public void Dispose()
    {
        foreach (var disposable in owned)
        {
            disposable.Dispose();
        }
    }

    private IMetricSource For(string cluster) => byCluster.TryGetValue(cluster, out var source) ? source : fallback;
}
