using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Jobs.Queries;
using Microsoft.Extensions.Logging;

namespace Clusterdeck.Core.Nodes;

/// <summary>
/// Node states as batch-system adapters report them (cc-backend's <c>/api/nodestate/</c>) and as the UI reads them
/// (GraphQL <c>node</c>, <c>nodes</c>, <c>nodeStates</c>, <c>nodeStatesTimed</c>). Every update becomes each node's
/// current state and a row of its history, with a health judged from its metrics at that moment.
/// </summary>
public sealed partial class NodeService(
    INodeStore store,
    IClusterCatalog catalog,
    NodeHealthProbe healthProbe,
    TimeProvider timeProvider,
    ILogger<NodeService> logger)
{
    /// <summary>Problems named in one answer at most; a batch of thousands of bad nodes must not make a megabyte of error.</summary>
    private const int MaxProblemsReported = 10;

    /// <summary>
    /// Records the reported states of <paramref name="cluster"/>'s nodes at the current time. The whole batch is checked
    /// first (an unknown cluster, a node without hostname, a host listed twice, a negative count: nothing is stored);
    /// hosts in no subcluster are skipped as cc-backend skips them. Nodes that are down are not health-checked and count
    /// as <c>full</c>, as in cc-backend.
    /// </summary>
    public async Task<NodeStateUpdateResult> UpdateStatesAsync(
        Caller caller, string? cluster, IReadOnlyList<NodeStateReport>? nodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.HasRole(Role.Api) && !caller.HasRole(Role.Admin))
        {
            throw new AccessDeniedException("reporting node states needs the api or admin role");
        }

        if (string.IsNullOrEmpty(cluster))
        {
            throw new InvalidInputException("the field 'cluster' is required");
        }

        if (catalog.Find(cluster) is null)
        {
            throw new InvalidInputException($"unknown cluster: {cluster}");
        }

        nodes ??= [];
        CheckReports(nodes);
        var timeStamp = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var placed = new List<(NodeStateReport Report, string SubCluster, string State)>(nodes.Count);
        var skipped = new List<string>();
        foreach (var report in nodes)
        {
            if (catalog.AssignSubCluster(cluster, report.Hostname) is { } subCluster)
            {
                placed.Add((report, subCluster, SchedulerStates.Resolve(report.States ?? [])));
            }
            else
            {
                skipped.Add(report.Hostname);
            }
        }

        if (skipped.Count > 0)
        {
            LogSkippedHosts(logger, skipped.Count, cluster, string.Join(", ", skipped.Take(MaxProblemsReported)));
        }

        var health = await healthProbe.CheckAsync(
            cluster, [.. placed.Where(p => p.State != SchedulerStates.Down).Select(p => (p.Report.Hostname, p.SubCluster))], cancellationToken);
        var writes = placed.Select(p =>
        {
            var nodeHealth = p.State == SchedulerStates.Down ? NodeHealth.NotChecked : health[p.Report.Hostname];
            return new NodeStateWrite(p.Report.Hostname, p.SubCluster, new NodeStateRecord
            {
                TimeStamp = timeStamp,
                SchedulerState = p.State,
                HealthState = nodeHealth.State,
                HealthMetrics = p.State == SchedulerStates.Down ? null : NodeHealthProbe.HealthMetricsJson(nodeHealth),
                CpusAllocated = p.Report.CpusAllocated,
                MemoryAllocated = p.Report.MemoryAllocated,
                GpusAllocated = p.Report.GpusAllocated,
                JobsRunning = p.Report.JobsRunning,
            });
        }).ToList();

        if (writes.Count > 0)
        {
            await store.RecordAsync(cluster, writes, cancellationToken);
        }

        LogStatesRecorded(logger, writes.Count, cluster);
        return new NodeStateUpdateResult(writes.Count, skipped, timeStamp);
    }

    /// <summary>The node with database id <paramref name="id"/>, or null.</summary>
    public async Task<Node?> GetAsync(Caller caller, long id, CancellationToken cancellationToken)
    {
        RequireReader(caller);
        return await store.GetAsync(id, cancellationToken);
    }

    /// <summary>Every node whose current state matches the filters (cc-backend pages neither <c>nodes</c> nor <c>nodesWithMeta</c>).</summary>
    public async Task<IReadOnlyList<Node>> QueryAsync(
        Caller caller, IReadOnlyList<NodeFilter> filters, NodeOrder? order, bool withMetaData, CancellationToken cancellationToken)
    {
        RequireReader(caller);
        CheckFilters(filters);
        order ??= NodeOrder.ByHostname;
        if (!NodeOrder.Fields.Contains(order.Field, StringComparer.Ordinal))
        {
            throw new InvalidInputException($"nodes cannot be ordered by '{order.Field}'; use one of {string.Join(", ", NodeOrder.Fields)}");
        }

        return await store.QueryAsync(filters, order, page: null, withMetaData, cancellationToken);
    }

    /// <summary>
    /// Each known node's current state by hostname (cc-backend's <c>MapNodes</c>): what GraphQL <c>NodeMetrics</c> shows as
    /// <c>nodeState</c> (<see cref="NodeStateRecord.SchedulerState"/>) and <c>metricHealth</c> (<see cref="NodeStateRecord.HealthState"/>).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, NodeStateRecord>> CurrentStatesAsync(Caller caller, string cluster, CancellationToken cancellationToken)
    {
        RequireReader(caller);
        var nodes = await store.QueryAsync(
            [new NodeFilter { Cluster = StringInput.Equal(cluster) }], NodeOrder.ByHostname, page: null, withMetaData: false, cancellationToken);
        return nodes.ToDictionary(n => n.Hostname, n => n.State, StringComparer.Ordinal);
    }

    /// <summary>A page of the node list and the number of all matching nodes.</summary>
    public async Task<(IReadOnlyList<Node> Items, long Count)> QueryPageAsync(
        Caller caller, IReadOnlyList<NodeFilter> filters, NodeOrder? order, PageRequest page, CancellationToken cancellationToken)
    {
        RequireReader(caller);
        CheckFilters(filters);
        var items = await store.QueryAsync(filters, order ?? NodeOrder.ByHostname, page, withMetaData: false, cancellationToken);
        return (items, await store.CountAsync(filters, cancellationToken));
    }

    /// <summary>cc-backend's <c>nodeStates</c>: the counts per scheduler state, followed by the counts per health state.</summary>
    public async Task<IReadOnlyList<NodeStateCount>> CountStatesAsync(Caller caller, IReadOnlyList<NodeFilter> filters, CancellationToken cancellationToken)
    {
        RequireReader(caller);
        CheckFilters(filters);
        var scheduler = await store.CountStatesAsync(filters, NodeStateColumn.Scheduler, cancellationToken);
        var health = await store.CountStatesAsync(filters, NodeStateColumn.Health, cancellationToken);
        return [.. scheduler, .. health];
    }

    /// <summary>cc-backend's <c>nodeStatesTimed</c>: <paramref name="type"/> <c>node</c> counts scheduler states, <c>health</c> health states.</summary>
    public async Task<IReadOnlyList<NodeStateTimeline>> CountStatesTimedAsync(
        Caller caller, IReadOnlyList<NodeFilter> filters, string type, CancellationToken cancellationToken)
    {
        RequireReader(caller);
        CheckFilters(filters);
        var column = type switch
        {
            "node" => NodeStateColumn.Scheduler,
            "health" => NodeStateColumn.Health,
            _ => throw new InvalidInputException($"unknown Node State Query Type '{type}': use 'node' or 'health'"),
        };
        return await store.CountStatesTimedAsync(filters, column, cancellationToken);
    }

    /// <summary>The recorded states of one node between two Unix times, oldest first.</summary>
    public async Task<IReadOnlyList<NodeStateRecord>> HistoryAsync(Caller caller, long nodeId, long fromTime, long toTime, CancellationToken cancellationToken)
    {
        RequireReader(caller);
        return await store.HistoryAsync(nodeId, fromTime, toTime, cancellationToken);
    }

    private static void RequireReader(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessRules.CanReadNodeStates(caller))
        {
            throw new AccessDeniedException(AccessRules.NodeStatesDenied);
        }
    }

    private static void CheckFilters(IReadOnlyList<NodeFilter> filters)
    {
        foreach (var filter in filters)
        {
            if (filter.SchedulerState is { } state && !SchedulerStates.IsValid(state))
            {
                throw new InvalidInputException($"schedulerState must be one of {string.Join(", ", SchedulerStates.All)}, not '{state}'");
            }

            if (filter.HealthState is { } health && !MonitoringStates.IsValid(health))
            {
                throw new InvalidInputException($"healthState must be one of {string.Join(", ", MonitoringStates.All)}, not '{health}'");
            }
        }
    }

    /// <summary>Every problem of the batch, so an adapter can fix them all at once (the first ten are named).</summary>
    private static void CheckReports(IReadOnlyList<NodeStateReport> nodes)
    {
        var problems = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (node is null)
            {
                problems.Add($"nodes[{i}]: null instead of a node");
                continue;
            }

            if (string.IsNullOrEmpty(node.Hostname))
            {
                problems.Add($"nodes[{i}]: the field 'hostname' is required");
            }
            else if (!seen.TryAdd(node.Hostname, i))
            {
                problems.Add($"nodes[{i}]: host '{node.Hostname}' is already listed at nodes[{seen[node.Hostname]}]");
            }

            foreach (var (field, value) in (ReadOnlySpan<(string, long)>)[
                ("cpusAllocated", node.CpusAllocated), ("memoryAllocated", node.MemoryAllocated),
                ("gpusAllocated", node.GpusAllocated), ("jobsRunning", node.JobsRunning)])
            {
                if (value < 0)
                {
                    problems.Add($"nodes[{i}]: {field} must not be negative ({value})");
                }
            }
        }

        if (problems.Count > 0)
        {
            var more = problems.Count > MaxProblemsReported ? $"; and {problems.Count - MaxProblemsReported} more" : "";
            throw new InvalidInputException(string.Join("; ", problems.Take(MaxProblemsReported)) + more);
        }
    }

    [LoggerMessage(EventId = 8110, Level = LogLevel.Information, Message = "Recorded the state of {Count} node(s) of cluster {Cluster}")]
    private static partial void LogStatesRecorded(ILogger logger, int count, string cluster);

    [LoggerMessage(EventId = 8111, Level = LogLevel.Warning, Message = "Skipped {Count} reported host(s) that no subcluster of cluster {Cluster} contains: {Hosts}")]
    private static partial void LogSkippedHosts(ILogger logger, int count, string cluster, string hosts);
}
