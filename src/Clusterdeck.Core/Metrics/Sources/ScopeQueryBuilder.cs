using System.Globalization;
using Clusterdeck.Core.Metrics.Query;

namespace Clusterdeck.Core.Metrics.Sources;

/// <summary>
/// Turns "metric M of host H at scope S" into cc-metric-store queries, through the subcluster topology, as
/// cc-backend's <c>BuildScopeQueries</c> does: the scope shown is the coarser of the requested and the native one
/// (a finer scope than measured cannot be made up, so the native one is shown instead); coarser scopes aggregate
/// the native series (hwthread → core → memoryDomain/socket → node); accelerator metrics exist per accelerator or
/// summed up to node, and a CPU scope asked of them (or the accelerator scope asked of a CPU metric) yields nothing.
/// </summary>
/// <remarks>
/// Where cc-backend has gaps this fills them instead of failing the request: hwthread/core → memoryDomain, and core →
/// socket by the socket's core ids (cc-backend passes hwthread ids there). Aggregated groups carry their group id
/// (core, socket or memory-domain index), where cc-backend reports the first member id.
/// </remarks>
internal static class ScopeQueryBuilder
{
    /// <summary>The scope the data of a metric measured at <paramref name="native"/> is shown at when <paramref name="requested"/> is asked for.</summary>
    public static string Effective(string native, string requested)
    {
        if (native == MetricScopes.Accelerator || requested == MetricScopes.Accelerator)
        {
            return requested;
        }

        return MetricScopes.Granularity(native) <= MetricScopes.Granularity(requested) ? native : requested;
    }

    /// <summary>
    /// The queries for one host. <paramref name="hwthreads"/> are the threads to cover (a job's, or the whole node's),
    /// <paramref name="accelerators"/> the accelerator ids (empty: an accelerator metric yields nothing here).
    /// </summary>
    public static IEnumerable<PlannedQuery> Build(
        string metric, string native, string requested, string host, TopologyIndex topology,
        IReadOnlyList<int> hwthreads, IReadOnlyList<string> accelerators, long resolution)
    {
        if (native == MetricScopes.Accelerator)
        {
            if (accelerators.Count == 0)
            {
                yield break;
            }

            if (requested == MetricScopes.Accelerator)
            {
                yield return Plan(MetricScopes.Accelerator, null, MetricScopes.Accelerator, accelerators, aggregate: false);
            }
            else if (requested == MetricScopes.Node)
            {
                yield return Plan(MetricScopes.Node, null, MetricScopes.Accelerator, accelerators, aggregate: true);
            }

            yield break;
        }

        if (requested == MetricScopes.Accelerator)
        {
            yield break;
        }

        var scope = Effective(native, requested);
        if (native == MetricScopes.Node)
        {
            yield return new PlannedQuery(new MetricQuery { Metric = metric, Host = host, Resolution = resolution }, MetricScopes.Node, null);
            yield break;
        }

        // Ids of the native groups the job (or node) touches.
        var nativeIds = NativeIds(native, topology, hwthreads);
        if (scope == native)
        {
            yield return Plan(native, null, native, nativeIds, aggregate: false);
            yield break;
        }

        if (scope == MetricScopes.Node)
        {
            yield return Plan(MetricScopes.Node, null, native, nativeIds, aggregate: true);
            yield break;
        }

        // Native finer than the scope shown, which is socket, memoryDomain or core: one aggregated query per group,
        // over all native members of that group (as cc-backend does: a whole core, a whole socket).
        foreach (var group in Groups(scope, topology, hwthreads))
        {
            var members = Members(native, scope, group, topology);
            if (members.Count > 0)
            {
                yield return Plan(scope, Id(group), native, members, aggregate: true);
            }
        }

        PlannedQuery Plan(string shownAt, string? groupId, string type, IReadOnlyList<string> ids, bool aggregate) => new(
            new MetricQuery { Metric = metric, Host = host, Type = type, TypeIds = ids, Aggregate = aggregate, Resolution = resolution },
            shownAt,
            groupId);
    }

    private static List<string> NativeIds(string native, TopologyIndex topology, IReadOnlyList<int> hwthreads) => native switch
    {
        MetricScopes.HwThread => [.. hwthreads.Select(Id)],
        MetricScopes.Core => [.. topology.CoresOf(hwthreads).Select(Id)],
        MetricScopes.MemoryDomain => [.. topology.MemoryDomainsOf(hwthreads).Select(Id)],
        MetricScopes.Socket => [.. topology.SocketsOf(hwthreads).Select(Id)],
        _ => [],
    };

    private static IReadOnlyList<int> Groups(string scope, TopologyIndex topology, IReadOnlyList<int> hwthreads) => scope switch
    {
        MetricScopes.Core => topology.CoresOf(hwthreads),
        MetricScopes.MemoryDomain => topology.MemoryDomainsOf(hwthreads),
        MetricScopes.Socket => topology.SocketsOf(hwthreads),
        _ => [],
    };

    /// <summary>The ids of the <paramref name="native"/> members of group <paramref name="group"/> at <paramref name="scope"/>.</summary>
    private static List<string> Members(string native, string scope, int group, TopologyIndex topology)
    {
        var t = topology.Topology;
        IEnumerable<int> ids = (native, scope) switch
        {
            (MetricScopes.HwThread, MetricScopes.Core) => t.Core[group],
            (MetricScopes.HwThread, MetricScopes.MemoryDomain) => t.MemoryDomain[group],
            (MetricScopes.HwThread, MetricScopes.Socket) => t.Socket[group],
            (MetricScopes.Core, MetricScopes.MemoryDomain) => topology.CoresInMemoryDomain(group),
            (MetricScopes.Core, MetricScopes.Socket) => topology.CoresInSocket(group),
            (MetricScopes.MemoryDomain, MetricScopes.Socket) => topology.MemoryDomainsInSocket(group),
            _ => [],
        };
        return [.. ids.Select(Id)];
    }

    private static string Id(int value) => value.ToString(CultureInfo.InvariantCulture);
}
