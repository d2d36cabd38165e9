using System.Text;
using System.Text.Json;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Nodes;

/// <summary>
/// Judges nodes' health from the freshness of their metrics, as cc-backend's metric-store health check does, but through
/// <see cref="IMetricSource"/> so it works with every source. For each metric of the node's subcluster (node scope):
/// healthy when it has a value within its last <see cref="NodeOptions.HealthTimesteps"/> timesteps; degraded when it has
/// one only further back, within <see cref="NodeOptions.HealthLookbackTimesteps"/>; missing otherwise. A node with every
/// metric healthy is <c>full</c>, with none healthy <c>failed</c>, else <c>partial</c>.
/// </summary>
public sealed partial class NodeHealthProbe(
    IClusterCatalog catalog,
    IOptions<NodeOptions> options,
    TimeProvider timeProvider,
    ILogger<NodeHealthProbe> logger,
    IMetricSource? source = null)
{
    private static readonly string[] NodeScope = [MetricScopes.Node];

    /// <summary>Default timestep when a metric config leaves it out (cc-metric-store's default, 60 s).</summary>
    private const int DefaultTimestep = 60;

    /// <summary>
    /// Health of each host, by hostname. Hosts are grouped by subcluster (each has its own metric list). A source that
    /// cannot be asked makes its hosts <c>failed</c> with every metric missing, as cc-backend does; it never fails the call.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, NodeHealth>> CheckAsync(
        string cluster, IReadOnlyList<(string Hostname, string SubCluster)> nodes, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, NodeHealth>(StringComparer.Ordinal);
        var now = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        foreach (var group in nodes.GroupBy(n => n.SubCluster, StringComparer.Ordinal))
        {
            var hosts = group.Select(n => n.Hostname).Distinct(StringComparer.Ordinal).ToList();
            var metrics = catalog.MetricConfigFor(cluster, group.Key, restrictedCaller: false);
            if (source is null)
            {
                LogNoSource(logger, cluster);
                var names = metrics.Select(m => m.Name).ToList();
                hosts.ForEach(host => results[host] = NodeHealth.Unavailable(names));
                continue;
            }

            try
            {
                foreach (var (host, health) in await CheckSubClusterAsync(source, cluster, hosts, metrics, now, cancellationToken))
                {
                    results[host] = health;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogSourceFailed(logger, cluster, group.Key, e);
                var names = metrics.Select(m => m.Name).ToList();
                hosts.ForEach(host => results[host] = NodeHealth.Unavailable(names));
            }
        }

        return results;
    }

    /// <summary>cc-backend's <c>health_metrics</c> JSON: <c>{"degraded":[...],"missing":[...]}</c> (Go writes map keys sorted).</summary>
    public static string HealthMetricsJson(NodeHealth health)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteList(writer, "degraded", health.Degraded);
            WriteList(writer, "missing", health.Missing);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private async Task<Dictionary<string, NodeHealth>> CheckSubClusterAsync(
        IMetricSource metricSource, string cluster, List<string> hosts, IReadOnlyList<MetricConfig> metrics, long now, CancellationToken cancellationToken)
    {
        var healthy = hosts.ToDictionary(h => h, _ => 0, StringComparer.Ordinal);
        var missing = hosts.ToDictionary(h => h, _ => new List<string>(), StringComparer.Ordinal);
        var degraded = hosts.ToDictionary(h => h, _ => new List<string>(), StringComparer.Ordinal);
        var settings = options.Value;

        // Metrics differ in timestep, and so in what "recent" means: one window per timestep.
        foreach (var byTimestep in metrics.GroupBy(m => m.Timestep > 0 ? m.Timestep : DefaultTimestep))
        {
            var timestep = (long)byTimestep.Key;
            var names = byTimestep.Select(m => m.Name).ToList();
            var recent = await metricSource.LoadNodeDataAsync(
                cluster, hosts, names, NodeScope, now - (settings.HealthTimesteps * timestep), now, 0, cancellationToken);
            var stale = new List<(string Host, string Metric)>();
            foreach (var host in hosts)
            {
                foreach (var name in names)
                {
                    if (HasValue(recent.Data, host, name))
                    {
                        healthy[host]++;
                    }
                    else
                    {
                        stale.Add((host, name));
                    }
                }
            }

            if (stale.Count == 0)
            {
                continue;
            }

            // Only what is not recent is looked for further back, and only on the hosts that need it.
            var older = await metricSource.LoadNodeDataAsync(
                cluster,
                [.. stale.Select(s => s.Host).Distinct(StringComparer.Ordinal)],
                [.. stale.Select(s => s.Metric).Distinct(StringComparer.Ordinal)],
                NodeScope,
                now - (settings.HealthLookbackTimesteps * timestep),
                now,
                0,
                cancellationToken);
            foreach (var (host, name) in stale)
            {
                (HasValue(older.Data, host, name) ? degraded : missing)[host].Add(name);
            }
        }

        return hosts.ToDictionary(h => h, h => NodeHealth.From(healthy[h], missing[h], degraded[h]), StringComparer.Ordinal);
    }

    /// <summary>True when the host's metric has at least one value (not NaN) at node scope, or at any scope the source returned.</summary>
    private static bool HasValue(NodeData data, string host, string metric)
    {
        if (!data.TryGetValue(host, out var jobData) || !jobData.TryGetValue(metric, out var scopes))
        {
            return false;
        }

        var candidates = scopes.TryGetValue(MetricScopes.Node, out var node) ? [node] : scopes.Values.ToList();
        return candidates.Any(m => m.Series.Any(s => s.Data.Any(v => !float.IsNaN(v))));
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Warning, Message = "No metric source is configured: nodes of cluster {Cluster} are recorded with health 'failed'")]
    private static partial void LogNoSource(ILogger logger, string cluster);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Warning, Message = "Health check of cluster {Cluster} subcluster {SubCluster} could not read the metric source; its nodes are recorded with health 'failed'")]
    private static partial void LogSourceFailed(ILogger logger, string cluster, string subCluster, Exception exception);
}
