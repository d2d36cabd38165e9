using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Metrics.Query;
using Microsoft.Extensions.Logging;

namespace Clusterdeck.Core.Metrics.Sources;

/// <summary>
/// <see cref="IMetricSource"/> over cc-metric-store's query protocol: the in-process store or an external one. Builds
/// the queries through the subcluster topology as cc-backend does (see <see cref="ScopeQueryBuilder"/>), asks all of
/// them in one request, and files each result under its metric, scope, host and id.
/// </summary>
/// <remarks>
/// An empty metric list means every metric of the job's subcluster, an empty scope list means node scope. Metrics
/// the cluster does not configure, unknown scopes and every result the store answers with an error are named in
/// <see cref="MetricLoad{T}.Missing"/>; only a failure of the request itself throws.
/// </remarks>
public sealed class CcMetricStoreSource(
    IMetricQueryProtocol protocol, IClusterCatalog catalog, TimeProvider time, ILogger<CcMetricStoreSource> logger, string name = "cc-metric-store")
    : IMetricSource
{
    public async Task<MetricLoad<JobData>> LoadJobDataAsync(
        Job job, IReadOnlyList<string> metrics, IReadOnlyList<string> scopes, int resolution, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        var plan = PlanJob(job, metrics, scopes, resolution, missing);
        var data = new JobData();
        if (plan.Count > 0)
        {
            var window = JobWindow.Of(job, time);
            var builder = new SeriesBuilder();
            await foreach (var (planned, result, id) in RunAsync(job.Cluster, window.From, window.To, withData: true, plan, missing, cancellationToken))
            {
                builder.Add(planned, result, id);
            }

            builder.FillInto(data);
        }

        MetricSourceLog.JobDataLoaded(logger, name, data.Count, job.JobId, job.Cluster, missing.Count);
        return new MetricLoad<JobData>(data, missing);
    }

    public async Task<MetricLoad<JobStatistics>> LoadJobStatisticsAsync(Job job, IReadOnlyList<string> metrics, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        var plan = PlanJob(job, metrics, [MetricScopes.Node], 0, missing);
        var statistics = new JobStatistics();
        if (plan.Count > 0)
        {
            var window = JobWindow.Of(job, time);
            await foreach (var (planned, result, _) in RunAsync(job.Cluster, window.From, window.To, withData: false, plan, missing, cancellationToken))
            {
                var host = planned.Query.Query.Host;
                if (result.Avg is not { } avg || result.Min is not { } min || result.Max is not { } max)
                {
                    missing.Add($"{planned.Config.Name} on {host}: no samples in the job's time");
                    continue;
                }

                if (!statistics.TryGetValue(planned.Config.Name, out var byHost))
                {
                    statistics[planned.Config.Name] = byHost = new Dictionary<string, MetricStatistics>(StringComparer.Ordinal);
                }

                byHost[host] = new MetricStatistics { Unit = planned.Config.Unit, Avg = avg, Min = min, Max = max };
            }
        }

        return new MetricLoad<JobStatistics>(statistics, missing);
    }

    public async Task<MetricLoad<ScopedJobStatistics>> LoadScopedJobStatisticsAsync(
        Job job, IReadOnlyList<string> metrics, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        var plan = PlanJob(job, metrics, scopes, 0, missing);
        var statistics = new ScopedJobStatistics();
        if (plan.Count > 0)
        {
            var window = JobWindow.Of(job, time);
            await foreach (var (planned, result, id) in RunAsync(job.Cluster, window.From, window.To, withData: false, plan, missing, cancellationToken))
            {
                if (!statistics.TryGetValue(planned.Config.Name, out var byScope))
                {
                    statistics[planned.Config.Name] = byScope = new Dictionary<string, List<ScopedStatistics>>(StringComparer.Ordinal);
                }

                if (!byScope.TryGetValue(planned.Query.Scope, out var list))
                {
                    byScope[planned.Query.Scope] = list = [];
                }

                list.Add(new ScopedStatistics(planned.Query.Query.Host, id, StatisticsOf(result)));
            }
        }

        return new MetricLoad<ScopedJobStatistics>(statistics, missing);
    }

    public async Task<MetricLoad<NodeData>> LoadNodeDataAsync(
        string cluster, IReadOnlyList<string> hosts, IReadOnlyList<string> metrics, IReadOnlyList<string> scopes,
        long fromTime, long toTime, int resolution, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        var plan = PlanNodes(cluster, hosts, metrics, scopes, resolution, missing);
        var data = new NodeData();
        if (plan.Count > 0)
        {
            var builders = new Dictionary<string, SeriesBuilder>(StringComparer.Ordinal);
            await foreach (var (planned, result, id) in RunAsync(cluster, fromTime, toTime, withData: true, plan, missing, cancellationToken))
            {
                var host = planned.Query.Query.Host;
                if (!builders.TryGetValue(host, out var builder))
                {
                    builders[host] = builder = new SeriesBuilder();
                }

                builder.Add(planned, result, id);
            }

            foreach (var (host, builder) in builders)
            {
                var hostData = new JobData();
                builder.FillInto(hostData);
                data[host] = hostData;
            }
        }

        return new MetricLoad<NodeData>(data, missing);
    }

    /// <summary>The queries for a job: its hosts, and on each its hardware threads and accelerators.</summary>
    private List<Planned> PlanJob(Job job, IReadOnlyList<string> metrics, IReadOnlyList<string> scopes, int resolution, List<string> missing)
    {
        var subCluster = catalog.FindSubCluster(job.Cluster, job.SubCluster);
        if (subCluster is null)
        {
            missing.Add($"all metrics: cluster '{job.Cluster}' has no subcluster '{job.SubCluster}'");
            return [];
        }

        var topology = new TopologyIndex(subCluster.Topology);
        var hosts = job.Resources.Select(resource => new HostPlan(
            resource.Hostname,
            resource.HwThreads is { Count: > 0 } hwthreads ? hwthreads : subCluster.Topology.Node,
            resource.Accelerators is { Count: > 0 } accelerators ? accelerators : job.NumAcc > 0 ? topology.AcceleratorIds : [],
            topology));
        return Plan(catalog.MetricConfigFor(job.Cluster, job.SubCluster, restrictedCaller: false), $"{job.Cluster}/{job.SubCluster}",
            hosts.ToList(), metrics, scopes, resolution, missing);
    }

    /// <summary>The queries for whole nodes: every hardware thread and accelerator of each host's subcluster.</summary>
    private List<Planned> PlanNodes(
        string cluster, IReadOnlyList<string> hosts, IReadOnlyList<string> metrics, IReadOnlyList<string> scopes, int resolution, List<string> missing)
    {
        if (catalog.Find(cluster) is not { } known)
        {
            missing.Add($"all metrics: cluster '{cluster}' is unknown");
            return [];
        }

        if (hosts.Count == 0)
        {
            hosts = AllHosts(known, missing);
        }

        var plan = new List<Planned>();
        foreach (var group in hosts.Distinct(StringComparer.Ordinal).GroupBy(host => catalog.AssignSubCluster(cluster, host)))
        {
            if (group.Key is null || catalog.FindSubCluster(cluster, group.Key) is not { } subCluster)
            {
                missing.AddRange(group.Select(host => $"all metrics on {host}: the host belongs to no subcluster of '{cluster}'"));
                continue;
            }

            var topology = new TopologyIndex(subCluster.Topology);
            var hostPlans = group.Select(host => new HostPlan(host, subCluster.Topology.Node, topology.AcceleratorIds, topology)).ToList();
            plan.AddRange(Plan(catalog.MetricConfigFor(cluster, subCluster.Name, restrictedCaller: false), $"{cluster}/{subCluster.Name}",
                hostPlans, metrics, scopes, resolution, missing));
        }

        return plan;
    }

    private static List<string> AllHosts(Cluster cluster, List<string> missing)
    {
        var hosts = new List<string>();
        foreach (var subCluster in cluster.SubClusters)
        {
            if (NodeList.TryParse(subCluster.Nodes, out var list, out _) && list is { MatchesAll: false })
            {
                hosts.AddRange(list.Expand());
            }
            else
            {
                missing.Add($"hosts of {cluster.Name}/{subCluster.Name}: its node list '{subCluster.Nodes}' names no hosts; ask for hosts by name");
            }
        }

        return hosts;
    }

    private static List<Planned> Plan(
        IReadOnlyList<MetricConfig> configs, string where, IReadOnlyList<HostPlan> hosts, IReadOnlyList<string> metrics,
        IReadOnlyList<string> scopes, int resolution, List<string> missing)
    {
        var byName = configs.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var wanted = metrics.Count == 0 ? configs.Select(c => c.Name).ToList() : metrics.Distinct(StringComparer.Ordinal).ToList();
        var requested = scopes.Count == 0 ? [MetricScopes.Node] : scopes.Distinct(StringComparer.Ordinal).ToList();
        foreach (var scope in requested.Where(s => !MetricScopes.IsValid(s)))
        {
            missing.Add($"scope '{scope}': unknown (known: {string.Join(", ", MetricScopes.All)})");
        }

        var plan = new List<Planned>();
        foreach (var metric in wanted)
        {
            if (!byName.TryGetValue(metric, out var config))
            {
                missing.Add($"{metric}: not a metric of {where}");
                continue;
            }

            var handled = new HashSet<string>(StringComparer.Ordinal);
            foreach (var scope in requested.Where(MetricScopes.IsValid))
            {
                if (!handled.Add(ScopeQueryBuilder.Effective(config.Scope, scope)))
                {
                    continue;
                }

                foreach (var host in hosts)
                {
                    plan.AddRange(ScopeQueryBuilder
                        .Build(metric, config.Scope, scope, host.Hostname, host.Topology, host.HwThreads, host.Accelerators, resolution)
                        .Select(query => new Planned(query, config)));
                }
            }
        }

        return plan;
    }

    /// <summary>Asks every planned query in one request and yields each series with its id; errors go to <paramref name="missing"/>.</summary>
    private async IAsyncEnumerable<(Planned Planned, MetricQueryResult Result, string? Id)> RunAsync(
        string cluster, long from, long to, bool withData, List<Planned> plan, List<string> missing,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new MetricQueryRequest
        {
            Cluster = cluster,
            From = from,
            To = to,
            Queries = [.. plan.Select(p => p.Query.Query)],
            WithStats = true,
            WithData = withData,
        };
        var response = await protocol.QueryAsync(request, cancellationToken);
        if (response.Results.Count != plan.Count)
        {
            throw new MetricSourceException($"{name} answered {response.Results.Count} results for {plan.Count} queries");
        }

        for (var i = 0; i < plan.Count; i++)
        {
            var planned = plan[i];
            var query = planned.Query.Query;
            var row = response.Results[i];
            for (var n = 0; n < row.Count; n++)
            {
                var id = planned.Query.GroupId
                    ?? (query is { Type: not null, Aggregate: false, TypeIds: { } ids } && n < ids.Count ? ids[n] : null);
                if (row[n].Error is { } error)
                {
                    missing.Add($"{query.Metric} on {query.Host}{(id is null ? "" : $" ({planned.Query.Scope} {id})")}: {error}");
                    continue;
                }

                yield return (planned, row[n], id);
            }
        }
    }

    /// <summary>cc-backend's rule: statistics with any value missing are all zero (the series has no samples).</summary>
    private static SeriesStatistics StatisticsOf(MetricQueryResult result) =>
        result.Avg is { } avg && result.Min is { } min && result.Max is { } max
            ? new SeriesStatistics { Avg = avg, Min = min, Max = max }
            : new SeriesStatistics();

    private sealed record HostPlan(string Hostname, IReadOnlyList<int> HwThreads, IReadOnlyList<string> Accelerators, TopologyIndex Topology);

    private sealed record Planned(PlannedQuery Query, MetricConfig Config);

    /// <summary>Collects series per metric and scope in the order they arrive.</summary>
    private sealed class SeriesBuilder
    {
        private readonly Dictionary<(string Metric, string Scope), (MetricConfig Config, int Timestep, List<MetricSeries> Series)> _entries = [];
        private readonly List<(string Metric, string Scope)> _order = [];

        public void Add(Planned planned, MetricQueryResult result, string? id)
        {
            var key = (planned.Config.Name, planned.Query.Scope);
            if (!_entries.TryGetValue(key, out var entry))
            {
                var timestep = result.Resolution > 0 ? (int)result.Resolution : planned.Config.Timestep;
                _entries[key] = entry = (planned.Config, timestep, []);
                _order.Add(key);
            }

            entry.Series.Add(new MetricSeries
            {
                Hostname = planned.Query.Query.Host,
                Id = id,
                Statistics = StatisticsOf(result),
                Data = result.Data ?? [],
            });
        }

        public void FillInto(JobData data)
        {
            foreach (var key in _order)
            {
                var (config, timestep, series) = _entries[key];
                if (!data.TryGetValue(key.Metric, out var byScope))
                {
                    data[key.Metric] = byScope = new Dictionary<string, JobMetric>(StringComparer.Ordinal);
                }

                byScope[key.Scope] = new JobMetric { Unit = config.Unit, Timestep = timestep, Series = series };
            }
        }
    }
}
