using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Jobs.Queries;
using Clusterdeck.Core.Metrics.JobMetrics;
using Clusterdeck.Core.Nodes;
using Microsoft.Extensions.Logging;

namespace Clusterdeck.Core.Metrics.NodeMetrics;

/// <summary>
/// Whole nodes' metric data over a time window (cc-backend's <c>nodeMetrics</c> and <c>nodeMetricsList</c>), for
/// administrators and support staff only, as in cc-backend. Hosts come from the subclusters' node lists in
/// <c>cluster.json</c>; data from the metric source.
/// </summary>
public sealed partial class NodeMetricDataService(
    IClusterCatalog catalog,
    NodeService nodes,
    ILogger<NodeMetricDataService> logger,
    IMetricSource? source = null)
{
    /// <summary>cc-backend's <c>stateFilter</c> for every host.</summary>
    public const string AllStates = "all";

    /// <summary>cc-backend's <c>stateFilter</c> for hosts of the node lists that have no row in the node table.</summary>
    public const string NotInDatabase = "notindb";

    /// <summary>hostname → current scheduler and health state, for the hosts of <paramref name="cluster"/> in the node table.</summary>
    public async Task<IReadOnlyDictionary<string, NodeStateRecord>> StatesAsync(Caller caller, string cluster, CancellationToken cancellationToken)
    {
        var rows = await nodes.QueryAsync(caller, [new NodeFilter { Cluster = StringInput.Equal(cluster) }], order: null, withMetaData: false, cancellationToken);
        var states = new Dictionary<string, NodeStateRecord>(StringComparer.Ordinal);
        foreach (var node in rows)
        {
            states.TryAdd(node.Hostname, node.State);
        }

        return states;
    }

    /// <summary>
    /// host → metric → scope → series between <paramref name="from"/> and <paramref name="to"/> (Unix seconds).
    /// Hosts null means every host the cluster's node lists name; metrics null every metric of the cluster; names that
    /// are not metrics of the cluster are dropped, as cc-backend does.
    /// </summary>
    public async Task<NodeData> LoadAsync(
        Caller caller, string cluster, IReadOnlyList<string>? hosts, IReadOnlyList<string>? metrics, IReadOnlyList<string>? scopes,
        long from, long to, int resolution, CancellationToken cancellationToken)
    {
        var config = Authorize(caller, cluster, from, to, resolution);
        var names = Metrics(config, metrics);
        var hostList = hosts ?? [.. Hosts(config, subCluster: null, filter: null)];
        return await LoadFromSourceAsync(config, hostList, names, scopes, from, to, resolution, cancellationToken);
    }

    /// <summary>
    /// One page of a subcluster's hosts (all subclusters when <paramref name="subCluster"/> is empty), optionally only
    /// those whose name contains <paramref name="nodeFilter"/> and whose scheduler or health state is
    /// <paramref name="stateFilter"/> (<see cref="AllStates"/> for any, <see cref="NotInDatabase"/> for hosts the node
    /// table lacks), in name order, with their data and states; metrics with
    /// <see cref="JobMetricDataService.StatisticsSeriesMinimumSeries"/> or more series get a statistics series.
    /// </summary>
    public async Task<NodeListPage> LoadPageAsync(
        Caller caller, string cluster, string subCluster, string stateFilter, string nodeFilter, IReadOnlyList<string>? metrics,
        IReadOnlyList<string>? scopes, long from, long to, int resolution, int itemsPerPage, int page, CancellationToken cancellationToken)
    {
        var config = Authorize(caller, cluster, from, to, resolution);
        if (!string.IsNullOrEmpty(subCluster) && config.SubClusters.All(s => s.Name != subCluster))
        {
            throw new NotFoundException($"cluster '{cluster}' has no subcluster '{subCluster}'");
        }

        var states = await StatesAsync(caller, cluster, cancellationToken);
        var all = Hosts(config, subCluster, nodeFilter)
            .Where(host => stateFilter switch
            {
                "" or AllStates => true,
                NotInDatabase => !states.ContainsKey(host),
                _ => states.TryGetValue(host, out var state) && (state.SchedulerState == stateFilter || state.HealthState == stateFilter),
            })
            .Order(StringComparer.Ordinal)
            .ToList();
        var selected = all;
        var hasNextPage = false;
        if (itemsPerPage > 0)
        {
            var skip = (long)Math.Max(page - 1, 0) * itemsPerPage;
            selected = [.. all.Skip((int)Math.Min(skip, all.Count)).Take(itemsPerPage)];
            hasNextPage = skip + itemsPerPage < all.Count;
        }

        var data = await LoadFromSourceAsync(config, selected, Metrics(config, metrics), scopes, from, to, resolution, cancellationToken);
        var items = new List<NodeMetricsItem>(selected.Count);
        foreach (var host in selected)
        {
            var hostData = data.GetValueOrDefault(host) ?? [];
            foreach (var byScope in hostData.Values)
            {
                foreach (var scope in byScope.Keys.ToList())
                {
                    var metric = byScope[scope];
                    if (metric.StatisticsSeries is null && metric.Series.Count >= JobMetricDataService.StatisticsSeriesMinimumSeries)
                    {
                        byScope[scope] = metric with { StatisticsSeries = StatisticsSeriesBuilder.Build(metric.Series) };
                    }
                }
            }

            var state = states.GetValueOrDefault(host);
            items.Add(new NodeMetricsItem(host, catalog.AssignSubCluster(cluster, host) ?? "", state?.SchedulerState ?? "", state?.HealthState ?? "", hostData));
        }

        return new NodeListPage(items, all.Count, hasNextPage);
    }

    private Cluster Authorize(Caller caller, string cluster, long from, long to, int resolution)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.HasRole(Role.Admin) && !caller.HasRole(Role.Support))
        {
            throw new AccessDeniedException("you need to be administrator or support staff for this query");
        }

        if (to < from)
        {
            throw new InvalidInputException($"the time window ends ({to}) before it starts ({from})");
        }

        if (resolution < 0)
        {
            throw new InvalidInputException($"resolution must be 0 (native) or a positive number of seconds, not {resolution}");
        }

        return catalog.Find(cluster) ?? throw new NotFoundException($"unknown cluster '{cluster}'");
    }

    private static List<string> Metrics(Cluster cluster, IReadOnlyList<string>? metrics)
    {
        var defined = cluster.MetricConfig.Select(m => m.Name).ToList();
        return metrics is null ? defined : [.. metrics.Distinct(StringComparer.Ordinal).Where(m => defined.Contains(m, StringComparer.Ordinal))];
    }

    /// <summary>The hosts named by the node lists (a <c>*</c> list names none it could enumerate).</summary>
    private static IEnumerable<string> Hosts(Cluster cluster, string? subCluster, string? filter) =>
        cluster.SubClusters
            .Where(s => string.IsNullOrEmpty(subCluster) || s.Name == subCluster)
            .Where(s => s.Nodes is not ("" or "*"))
            .SelectMany(s => NodeList.Parse(s.Nodes).Expand())
            .Where(h => string.IsNullOrEmpty(filter) || h.Contains(filter, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal);

    private async Task<NodeData> LoadFromSourceAsync(
        Cluster cluster, IReadOnlyList<string> hosts, List<string> metrics, IReadOnlyList<string>? scopes,
        long from, long to, int resolution, CancellationToken cancellationToken)
    {
        foreach (var scope in scopes ?? [])
        {
            if (!MetricScopes.IsValid(scope))
            {
                throw new InvalidInputException($"'{scope}' is not a metric scope; use one of {string.Join(", ", MetricScopes.All)}");
            }
        }

        if (source is null)
        {
            LogNoSource(logger, cluster.Name);
            return [];
        }

        if (hosts.Count == 0 || metrics.Count == 0)
        {
            return [];
        }

        var load = await source.LoadNodeDataAsync(cluster.Name, hosts, metrics, scopes ?? [MetricScopes.Node], from, to, resolution, cancellationToken);
        if (load.Missing.Count > 0)
        {
            var first = string.Join("; ", load.Missing.Take(5));
            LogPartialData(logger, cluster.Name, load.Missing.Count, first);
        }

        return load.Data;
    }

    [LoggerMessage(EventId = 4711, Level = LogLevel.Warning, Message = "Node metrics of cluster {Cluster} asked for, but no metric source is configured")]
    private static partial void LogNoSource(ILogger logger, string cluster);

    [LoggerMessage(EventId = 4712, Level = LogLevel.Information, Message = "Node metrics of cluster {Cluster}: the metric source lacked {Count} series; first: {Missing}")]
    private static partial void LogPartialData(ILogger logger, string cluster, int count, string missing);
}
