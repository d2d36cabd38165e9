using Clusterdeck.Core.Clusters;

namespace Clusterdeck.Core.Metrics.Sources;

/// <summary>
/// A subcluster topology with reverse lookups: for each hardware thread its core, socket and memory domain (the
/// position of the group in the topology's lists, which is also the scope id the metric store uses for that group).
/// </summary>
internal sealed class TopologyIndex
{
    private readonly Dictionary<int, int> _coreOf = [];
    private readonly Dictionary<int, int> _socketOf = [];
    private readonly Dictionary<int, int> _memoryDomainOf = [];

    public TopologyIndex(Topology topology)
    {
        Topology = topology;
        Fill(_coreOf, topology.Core);
        Fill(_socketOf, topology.Socket);
        Fill(_memoryDomainOf, topology.MemoryDomain);
        AcceleratorIds = [.. (topology.Accelerators ?? []).Select(a => a.Id)];
    }

    public Topology Topology { get; }

    /// <summary>The ids of every accelerator of the node, in topology order.</summary>
    public IReadOnlyList<string> AcceleratorIds { get; }

    /// <summary>Cores with at least one of <paramref name="hwthreads"/>, ascending.</summary>
    public IReadOnlyList<int> CoresOf(IEnumerable<int> hwthreads) => Lookup(_coreOf, hwthreads);

    /// <summary>Sockets with at least one of <paramref name="hwthreads"/>, ascending.</summary>
    public IReadOnlyList<int> SocketsOf(IEnumerable<int> hwthreads) => Lookup(_socketOf, hwthreads);

    /// <summary>Memory domains with at least one of <paramref name="hwthreads"/>, ascending.</summary>
    public IReadOnlyList<int> MemoryDomainsOf(IEnumerable<int> hwthreads) => Lookup(_memoryDomainOf, hwthreads);

    /// <summary>The cores whose hardware threads lie in socket <paramref name="socket"/>, ascending.</summary>
    public IReadOnlyList<int> CoresInSocket(int socket) => CoresOf(Topology.Socket[socket]);

    /// <summary>The cores whose hardware threads lie in memory domain <paramref name="domain"/>, ascending.</summary>
    public IReadOnlyList<int> CoresInMemoryDomain(int domain) => CoresOf(Topology.MemoryDomain[domain]);

    /// <summary>The memory domains of socket <paramref name="socket"/> (a domain belongs to the socket of its first thread), ascending.</summary>
    public IReadOnlyList<int> MemoryDomainsInSocket(int socket) =>
        [.. Enumerable.Range(0, Topology.MemoryDomain.Count)
            .Where(d => Topology.MemoryDomain[d].Count > 0 && _socketOf.TryGetValue(Topology.MemoryDomain[d][0], out var s) && s == socket)];

    private static void Fill(Dictionary<int, int> map, IReadOnlyList<IReadOnlyList<int>> groups)
    {
        for (var group = 0; group < groups.Count; group++)
        {
            foreach (var hwthread in groups[group])
            {
                map.TryAdd(hwthread, group);
            }
        }
    }

    private static List<int> Lookup(Dictionary<int, int> map, IEnumerable<int> hwthreads)
    {
        var groups = new SortedSet<int>();
        foreach (var hwthread in hwthreads)
        {
            if (map.TryGetValue(hwthread, out var group))
            {
                groups.Add(group);
            }
        }

        return [.. groups];
    }
}
