using System.Collections.Concurrent;

namespace Clusterdeck.Core.Metrics.Store;

/// <summary>
/// A cluster in the store: its hosts, and the metrics it accepts. A cluster with a cluster.json accepts exactly the
/// metrics configured there (others are dropped, as cc-metric-store drops unconfigured metrics); any other cluster
/// accepts every metric at the default timestep, summed below the host.
/// </summary>
internal sealed class ClusterEntry(string name, IReadOnlyDictionary<string, MetricInfo>? configured, int defaultTimestep)
{
    private readonly ConcurrentDictionary<string, MetricInfo> _seen = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public ConcurrentDictionary<string, HostEntry> Hosts { get; } = new(StringComparer.Ordinal);

    /// <summary>The metric's configuration, or null when this cluster does not accept it.</summary>
    public MetricInfo? Accept(string metric)
    {
        if (configured is not null)
        {
            return configured.GetValueOrDefault(metric);
        }

        return _seen.TryGetValue(metric, out var info) ? info : _seen.GetOrAdd(metric, new MetricInfo(metric, defaultTimestep, Average: false));
    }

    /// <summary>The metric's configuration if it is configured or has been written; null otherwise.</summary>
    public MetricInfo? Find(string metric) =>
        configured is not null ? configured.GetValueOrDefault(metric) : _seen.GetValueOrDefault(metric);

    public HostEntry Host(string host) =>
        Hosts.TryGetValue(host, out var entry) ? entry : Hosts.GetOrAdd(host, static name => new HostEntry(name));
}
