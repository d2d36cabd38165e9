using Clusterdeck.Core.Clusters;

namespace Clusterdeck.Core.Metrics.Agent;

/// <summary>
/// Which cluster a node's metrics belong to when nobody said so. In order: the cluster one of whose subclusters lists the
/// host by name (the first by cluster name if several do); else the one cluster with a subcluster for every host
/// (<c>*</c> or an empty list); else the only cluster there is; else <see cref="DefaultCluster"/> when no cluster is
/// configured at all. With several clusters and none of them naming the host, there is no sensible guess: null.
/// </summary>
public static class AgentClusterChoice
{
    /// <summary>The cluster name used when the server knows no cluster at all.</summary>
    public const string DefaultCluster = "default";

    public static string? Choose(IReadOnlyList<ClusterNodes> clusters, string hostname)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        var ordered = clusters.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var named = ordered.FirstOrDefault(c => c.NodeLists.Any(list => list is not ("" or "*") && NodeList.TryParse(list, out var parsed, out _) && parsed!.Contains(hostname)));
        if (named is not null)
        {
            return named.Name;
        }

        var catchAll = ordered.Where(c => c.NodeLists.Any(list => list is "" or "*")).ToList();
        if (catchAll.Count == 1)
        {
            return catchAll[0].Name;
        }

        return ordered.Count switch
        {
            0 => DefaultCluster,
            1 => ordered[0].Name,
            _ => null,
        };
    }
}
