using System.Collections.Frozen;
using System.Text.Json;
using Clusterdeck.Core.Archive;

namespace Clusterdeck.Core.Clusters;

/// <summary>
/// <see cref="IClusterCatalog"/> over the cluster configurations of one archive. Loading checks what cc-backend
/// checks (name, metric config and subclusters present, timestep at least 1, a valid scope, parseable node
/// lists) and fails with the file's path and every problem found.
/// </summary>
public sealed class ClusterCatalog : IClusterCatalog
{
    private static readonly FrozenSet<string> Scopes = FrozenSet.Create(StringComparer.Ordinal,
        "node", "socket", "memoryDomain", "core", "hwthread", "accelerator");

    private readonly FrozenDictionary<string, Entry> _entries;

    public ClusterCatalog(IEnumerable<Cluster> clusters)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var cluster in clusters)
        {
            var entry = Build(cluster, $"cluster '{cluster.Name}'");
            if (!entries.TryAdd(entry.Cluster.Name, entry))
            {
                throw new InvalidDataException($"cluster '{cluster.Name}' is configured twice");
            }
        }

        _entries = entries.ToFrozenDictionary(StringComparer.Ordinal);
        Clusters = [.. _entries.Values.Select(e => e.Cluster).OrderBy(c => c.Name, StringComparer.Ordinal)];
    }

    public IReadOnlyList<Cluster> Clusters { get; }

    /// <summary>Reads every <c>&lt;root&gt;/&lt;dir&gt;/cluster.json</c>; a cluster directory without one is an error, as in cc-backend.</summary>
    public static ClusterCatalog Load(string archiveRoot)
    {
        var clusters = new List<Cluster>();
        if (Directory.Exists(archiveRoot))
        {
            foreach (var directory in Directory.EnumerateDirectories(archiveRoot).Order(StringComparer.Ordinal))
            {
                if (Path.GetFileName(directory).StartsWith('.'))
                {
                    continue;
                }

                clusters.Add(ReadClusterFile(Path.Combine(directory, "cluster.json")));
            }
        }

        return new ClusterCatalog(clusters);
    }

    /// <summary>Reads and checks one <c>cluster.json</c> (subcluster lists not yet derived).</summary>
    public static Cluster ReadClusterFile(string path)
    {
        Cluster? cluster;
        try
        {
            using var stream = File.OpenRead(path);
            cluster = JsonSerializer.Deserialize(stream, ArchiveJsonContext.Default.Cluster);
        }
        catch (FileNotFoundException)
        {
            throw new InvalidDataException($"{path}: missing; every cluster directory of the archive needs its cluster.json");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a valid cluster configuration: {e.Message}", e);
        }

        if (cluster is null)
        {
            throw new InvalidDataException($"{path}: the file holds null, not a cluster configuration");
        }

        return Build(cluster, path).Cluster;
    }

    public Cluster? Find(string name) => _entries.TryGetValue(name, out var entry) ? entry.Cluster : null;

    public SubCluster? FindSubCluster(string cluster, string name) =>
        _entries.TryGetValue(cluster, out var entry) && entry.SubClusters.TryGetValue(name, out var sub) ? sub.SubCluster : null;

    public string? AssignSubCluster(string cluster, string hostname)
    {
        if (!_entries.TryGetValue(cluster, out var entry))
        {
            return null;
        }

        foreach (var sub in entry.Ordered)
        {
            if (sub.Nodes is { MatchesAll: false } nodes && nodes.Contains(hostname))
            {
                return sub.SubCluster.Name;
            }
        }

        var first = entry.Ordered[0].SubCluster;
        return first.Nodes is "*" or "" ? first.Name : null;
    }

    public IReadOnlyList<MetricConfig> MetricConfigFor(string cluster, string subCluster, bool restrictedCaller)
    {
        if (FindResolved(cluster, subCluster) is not { } sub)
        {
            return [];
        }

        return restrictedCaller ? sub.UserMetrics : sub.SubCluster.MetricConfig ?? [];
    }

    public IReadOnlyList<FootprintMetric> FootprintFor(string cluster, string subCluster) =>
        FindResolved(cluster, subCluster)?.Footprint ?? [];

    public IReadOnlyList<MetricConfig> EnergyMetricsFor(string cluster, string subCluster) =>
        FindResolved(cluster, subCluster)?.EnergyMetrics ?? [];

    private ResolvedSubCluster? FindResolved(string cluster, string subCluster) =>
        _entries.TryGetValue(cluster, out var entry) && entry.SubClusters.TryGetValue(subCluster, out var sub) ? sub : null;

    private static Entry Build(Cluster cluster, string source)
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(cluster.Name))
        {
            problems.Add("name is empty");
        }
        else if (!ArchivePaths.IsSafeComponent(cluster.Name))
        {
            problems.Add($"name '{cluster.Name}' cannot be a directory name");
        }

        if (cluster.MetricConfig.Count == 0)
        {
            problems.Add("metricConfig is empty");
        }

        if (cluster.SubClusters.Count == 0)
        {
            problems.Add("subClusters is empty");
        }

        var metrics = new List<MetricConfig>();
        foreach (var metric in cluster.MetricConfig)
        {
            if (string.IsNullOrEmpty(metric.Name))
            {
                problems.Add("a metric has an empty name");
            }

            if (metric.Timestep < 1)
            {
                problems.Add($"metric '{metric.Name}': timestep {metric.Timestep} must be at least 1");
            }

            // An absent scope means node, for configurations older than scopes (as cc-backend reads them).
            var scoped = string.IsNullOrEmpty(metric.Scope) ? metric with { Scope = "node" } : metric;
            if (!Scopes.Contains(scoped.Scope))
            {
                problems.Add($"metric '{metric.Name}': scope '{metric.Scope}' is not one of {string.Join(", ", Scopes.Order(StringComparer.Ordinal))}");
            }

            metrics.Add(scoped);
        }

        var nodeLists = new Dictionary<string, NodeList?>(StringComparer.Ordinal);
        foreach (var sub in cluster.SubClusters)
        {
            if (string.IsNullOrEmpty(sub.Name))
            {
                problems.Add("a subcluster has an empty name");
                continue;
            }

            if (nodeLists.ContainsKey(sub.Name))
            {
                problems.Add($"subcluster '{sub.Name}' appears twice");
                continue;
            }

            NodeList? nodes = null;
            if (sub.Nodes.Length > 0 && !NodeList.TryParse(sub.Nodes, out nodes, out var error))
            {
                problems.Add($"subcluster '{sub.Name}': {error}");
            }

            nodeLists[sub.Name] = nodes;
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{source}: {string.Join("; ", problems)}");
        }

        var resolved = cluster.SubClusters.Select(sub => Resolve(sub, metrics, nodeLists[sub.Name])).ToList();
        var withLists = cluster with { MetricConfig = metrics, SubClusters = [.. resolved.Select(r => r.SubCluster)] };
        return new Entry(withLists, resolved, resolved.ToFrozenDictionary(r => r.SubCluster.Name, StringComparer.Ordinal));
    }

    private static ResolvedSubCluster Resolve(SubCluster sub, List<MetricConfig> metrics, NodeList? nodes)
    {
        var applied = new List<MetricConfig>();
        foreach (var metric in metrics)
        {
            var change = metric.SubClusters?.FirstOrDefault(o => o.Name == sub.Name);
            if (change is { Remove: true })
            {
                continue;
            }

            var effective = metric with
            {
                SubClusters = null,
                Unit = change?.Unit ?? metric.Unit,
                Peak = change?.Peak ?? metric.Peak,
                Normal = change?.Normal ?? metric.Normal,
                Caution = change?.Caution ?? metric.Caution,
                Alert = change?.Alert ?? metric.Alert,
                Footprint = NullIfEmpty(change?.Footprint ?? metric.Footprint),
                Energy = change?.Energy ?? metric.Energy ?? "",
                LowerIsBetter = change?.LowerIsBetter ?? metric.LowerIsBetter,
                Restrict = change?.Restrict ?? metric.Restrict,
            };
            applied.Add(effective);
        }

        var footprint = applied.Where(m => m.Footprint is not null)
            .Select(m => new FootprintMetric($"{m.Name}_{m.Footprint}", m.Name, m.Footprint!, m.Unit, m.LowerIsBetter))
            .ToList();
        var energy = applied.Where(m => !string.IsNullOrEmpty(m.Energy)).ToList();
        var derived = sub with
        {
            MetricConfig = applied,
            Footprint = footprint.Count == 0 ? null : [.. footprint.Select(f => f.Metric)],
            EnergyFootprint = energy.Count == 0 ? null : [.. energy.Select(m => m.Name)],
        };
        return new ResolvedSubCluster(derived, nodes, [.. applied.Where(m => !m.Restrict)], footprint, energy);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private sealed record Entry(Cluster Cluster, IReadOnlyList<ResolvedSubCluster> Ordered, FrozenDictionary<string, ResolvedSubCluster> SubClusters);

    private sealed record ResolvedSubCluster(
        SubCluster SubCluster,
        NodeList? Nodes,
        IReadOnlyList<MetricConfig> UserMetrics,
        IReadOnlyList<FootprintMetric> Footprint,
        IReadOnlyList<MetricConfig> EnergyMetrics);
}
