using System.Globalization;
using System.Text;
using System.Text.Json;
using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Metrics;
using Clusterdeck.Core.Metrics.Agent;

namespace Clusterdeck.Core.Demo;

/// <summary>
/// The demo cluster: one subcluster of this machine's hostname plus synthetic nodes of the same hardware, with the
/// metrics the node agent measures and the ones only the synthetic archive has (<c>flops_any</c>, <c>mem_bw</c>,
/// <c>cpu_power</c>), thresholds scaled to this machine, and the peak figures a roofline plot needs.
/// </summary>
public static class DemoCluster
{
    public const string Name = "demo";

    /// <summary>The subcluster of this machine, whose metrics the node agent measures and whose jobs are the live ones.</summary>
    public const string LiveSubClusterName = "live";

    /// <summary>The subcluster of the synthetic nodes, where the synthetic archive's jobs ran.</summary>
    public const string SyntheticSubClusterName = "main";
    public const int DefaultSyntheticNodes = 128;

    /// <summary>Every metric's timestep: the reference clusters' 60 s keeps a 20,000-job archive quick to write.</summary>
    public const int Timestep = 60;

    /// <summary>Metrics that only the synthetic jobs have: no collector of ours measures them on this machine.</summary>
    public static IReadOnlyList<string> SyntheticOnlyMetrics { get; } = [FlopsAny, MemoryBandwidth, CpuPower];

    public const string FlopsAny = "flops_any";
    public const string MemoryBandwidth = "mem_bw";
    public const string CpuPower = "cpu_power";

    /// <summary>Assumed memory bandwidth per NUMA domain in GB/s (a few DDR4/DDR5 channels); the machine cannot tell.</summary>
    private const double BandwidthPerDomain = 40;

    private static readonly JsonSerializerOptions Indented = new(ArchiveJsonContext.Default.Options) { WriteIndented = true };

    /// <summary>
    /// A name usable both as the agent's hostname and in a node-list expression (letters, digits, dashes): the machine
    /// name up to its first dot, other characters replaced by dashes.
    /// </summary>
    public static string Hostname(string machineName)
    {
        ArgumentNullException.ThrowIfNull(machineName);
        var shortName = machineName.Split('.')[0];
        var builder = new StringBuilder(shortName.Length);
        foreach (var c in shortName)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-');
        }

        var name = builder.ToString().Trim('-');
        return name.Length > 0 ? name : "localhost";
    }

    /// <summary>The synthetic nodes' list, <c>node[001-N]</c>.</summary>
    public static string SyntheticNodeList(int syntheticNodes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(syntheticNodes, 1);
        var format = new string('0', Math.Max(3, syntheticNodes.ToString(CultureInfo.InvariantCulture).Length));
        return $"node[{1.ToString(format, CultureInfo.InvariantCulture)}-{syntheticNodes.ToString(format, CultureInfo.InvariantCulture)}]";
    }

    /// <summary>The cluster configuration for <paramref name="machine"/>.</summary>
    public static Cluster Build(MachineTopology machine, string hostname, int syntheticNodes = DefaultSyntheticNodes)
    {
        ArgumentNullException.ThrowIfNull(machine);
        var ghz = machine.ClockMhz / 1000;
        var scalarGflops = Round(machine.Cores * ghz * 2);
        var simdGflops = Round(machine.Cores * ghz * machine.SimdFlopsPerCycle);
        var bandwidth = Round(BandwidthPerDomain * Math.Max(1, machine.Topology.MemoryDomain.Count));
        var memoryGb = Round(machine.MemoryBytes / 1e9);
        var hw = machine.HwThreads;
        // Synthetic power: an idle floor per socket plus a share per core, about what a server CPU's package draws.
        var powerPeak = Round(machine.SocketsPerNode * (25 + (8 * machine.CoresPerSocket)));

        var metrics = new List<MetricConfig>
        {
            Metric(AgentMetricNames.CpuLoad, new MetricUnit(), MetricScopes.Node, "avg", hw, hw, hw * 0.5, hw * 0.2, footprint: "avg"),
            Metric(AgentMetricNames.CpuUser, new MetricUnit(), MetricScopes.HwThread, "avg", 100, 50, 20, 10),
            Metric(AgentMetricNames.MemUsed, new MetricUnit { Base = "B", Prefix = "G" }, MetricScopes.Node, "sum", memoryGb, memoryGb * 0.5, memoryGb * 0.8, memoryGb * 0.95, footprint: "max", lowerIsBetter: true),
            Metric(FlopsAny, new MetricUnit { Base = "F/s", Prefix = "G" }, MetricScopes.HwThread, "sum", simdGflops, simdGflops * 0.2, simdGflops * 0.05, simdGflops * 0.01, footprint: "avg"),
            Metric(MemoryBandwidth, new MetricUnit { Base = "B/s", Prefix = "G" }, MetricScopes.Socket, "sum", bandwidth, bandwidth * 0.3, bandwidth * 0.1, bandwidth * 0.02, footprint: "avg"),
            Metric(AgentMetricNames.NetBandwidth, new MetricUnit { Base = "B/s" }, MetricScopes.Node, "sum", 1.25e9, 1e8, 1e6, 1e3),
            Metric(AgentMetricNames.FileBandwidth, new MetricUnit { Base = "B/s" }, MetricScopes.Node, "sum", 1e9, 1e8, 1e6, 1e3),
            Metric(CpuPower, new MetricUnit { Base = "W" }, MetricScopes.Socket, "sum", powerPeak, powerPeak * 0.6, powerPeak * 0.3, powerPeak * 0.15, energy: "power"),
        };

        // The agent's finer metrics, measured on this machine only: the synthetic jobs stay at the main ones, which keeps
        // the archive small and quick to write.
        var liveOnly = new List<MetricConfig>
        {
            Metric(AgentMetricNames.NetBytesInBandwidth, new MetricUnit { Base = "B/s" }, MetricScopes.Node, "sum", 1.25e9, 5e7, 5e5, 500),
            Metric(AgentMetricNames.NetBytesOutBandwidth, new MetricUnit { Base = "B/s" }, MetricScopes.Node, "sum", 1.25e9, 5e7, 5e5, 500),
            Metric(AgentMetricNames.IoReadBandwidth, new MetricUnit { Base = "B/s" }, MetricScopes.Node, "sum", 5e8, 5e7, 5e5, 500),
            Metric(AgentMetricNames.IoWriteBandwidth, new MetricUnit { Base = "B/s" }, MetricScopes.Node, "sum", 5e8, 5e7, 5e5, 500),
        };

        if (machine.Accelerators > 0)
        {
            liveOnly.Add(Metric(AgentMetricNames.NvMemUtil, new MetricUnit(), MetricScopes.Accelerator, "avg", 100, 60, 20, 5));
            liveOnly.Add(Metric(AgentMetricNames.NvTemp, new MetricUnit { Base = "°C" }, MetricScopes.Accelerator, "avg", 90, 70, 80, 85, lowerIsBetter: true));
            liveOnly.Add(Metric(AgentMetricNames.NvSmClock, new MetricUnit { Base = "Hz", Prefix = "M" }, MetricScopes.Accelerator, "avg", 2000, 1400, 800, 300));
        }

        // The live subcluster has no collector for the synthetic-only metrics, the synthetic nodes none for the finer agent
        // metrics: each subcluster lists only what it has, so plots and archives are not full of gaps.
        metrics = [.. metrics.Select(m => SyntheticOnlyMetrics.Contains(m.Name) ? RemovedFrom(m, LiveSubClusterName) : m)];

        if (machine.Accelerators > 0)
        {
            var gpuMemoryGb = Round(machine.AcceleratorMemoryBytes.Values.DefaultIfEmpty(0).Max() / 1e9);
            metrics.Add(Metric(AgentMetricNames.AccUtilization, new MetricUnit(), MetricScopes.Accelerator, "avg", 100, 80, 40, 10, footprint: "avg"));
            metrics.Add(Metric(AgentMetricNames.AccMemUsed, new MetricUnit { Base = "B", Prefix = "G" }, MetricScopes.Accelerator, "sum", Math.Max(gpuMemoryGb, 1), gpuMemoryGb * 0.5, gpuMemoryGb * 0.8, gpuMemoryGb * 0.95, lowerIsBetter: true));
            metrics.Add(Metric(AgentMetricNames.AccPower, new MetricUnit { Base = "W" }, MetricScopes.Accelerator, "sum", 400, 250, 100, 50, energy: "power"));
        }

        metrics.AddRange(liveOnly.Select(m => RemovedFrom(m, SyntheticSubClusterName)));
        return new Cluster
        {
            Name = Name,
            MetricConfig = metrics,
            // This machine first: a host in two node lists belongs to the first (a machine called node001, say).
            SubClusters = [SubClusterOf(LiveSubClusterName, hostname), SubClusterOf(SyntheticSubClusterName, SyntheticNodeList(syntheticNodes))],
        };

        SubCluster SubClusterOf(string name, string nodes) => new()
        {
            Name = name,
            Nodes = nodes,
            ProcessorType = machine.ProcessorType,
            SocketsPerNode = machine.SocketsPerNode,
            CoresPerSocket = machine.CoresPerSocket,
            ThreadsPerCore = machine.ThreadsPerCore,
            FlopRateScalar = new MetricValue { Unit = new MetricUnit { Base = "F/s", Prefix = "G" }, Value = scalarGflops },
            FlopRateSimd = new MetricValue { Unit = new MetricUnit { Base = "F/s", Prefix = "G" }, Value = simdGflops },
            MemoryBandwidth = new MetricValue { Unit = new MetricUnit { Base = "B/s", Prefix = "G" }, Value = bandwidth },
            Topology = machine.Topology,
        };
    }

    /// <summary>The synthetic subcluster of <paramref name="cluster"/>.</summary>
    public static SubCluster SyntheticSubCluster(Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return cluster.SubClusters.FirstOrDefault(s => s.Name == SyntheticSubClusterName)
            ?? throw new InvalidDataException($"cluster '{cluster.Name}' has no subcluster '{SyntheticSubClusterName}'");
    }

    /// <summary>The synthetic nodes in node-list order, without a host that belongs to the live subcluster.</summary>
    public static IReadOnlyList<string> SyntheticHosts(Cluster cluster)
    {
        var live = cluster.SubClusters.Where(s => s.Name != SyntheticSubClusterName).Select(s => NodeList.Parse(s.Nodes)).ToList();
        return [.. NodeList.Parse(SyntheticSubCluster(cluster).Nodes).Expand().Where(h => !live.Any(l => l.Contains(h)))];
    }

    /// <summary>The cluster as <c>cluster.json</c> text (indented, without the derived subcluster lists).</summary>
    public static string ToJson(Cluster cluster) =>
        JsonSerializer.Serialize(
            cluster with { SubClusters = [.. cluster.SubClusters.Select(s => s with { MetricConfig = null, Footprint = null, EnergyFootprint = null })] },
            Indented.GetTypeInfo(typeof(Cluster)));

    /// <summary>Writes <c>cluster.json</c> atomically (a temporary file renamed over the target).</summary>
    public static Task WriteAsync(Cluster cluster, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return JobArchive.WriteAtomicAsync(path, Encoding.UTF8.GetBytes(ToJson(cluster) + "\n"), compress: false, cancellationToken);
    }

    /// <summary>
    /// Creates the archive at <paramref name="archiveRoot"/> when it is new (<c>version.txt</c>) and writes the cluster's
    /// <c>cluster.json</c> into it: before the server starts, because the cluster catalog reads the archive once.
    /// </summary>
    public static async Task WriteToArchiveAsync(Cluster cluster, string archiveRoot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var archive = new JobArchive(archiveRoot);
        await archive.InitializeAsync(cancellationToken);
        await WriteAsync(cluster, ClusterFile(archive.Root, cluster.Name), cancellationToken);
    }

    /// <summary>Where the archive at <paramref name="archiveRoot"/> keeps <paramref name="cluster"/>'s configuration.</summary>
    public static string ClusterFile(string archiveRoot, string cluster = Name) =>
        Path.Combine(new ArchivePaths(archiveRoot).ClusterDirectory(cluster), "cluster.json");

    private static MetricConfig RemovedFrom(MetricConfig metric, string subCluster) =>
        metric with { SubClusters = [new SubClusterMetricConfig { Name = subCluster, Remove = true }] };

    private static MetricConfig Metric(
        string name, MetricUnit unit, string scope, string aggregation, double peak, double normal, double caution, double alert,
        string? footprint = null, string energy = "", bool lowerIsBetter = false) => new()
        {
            Name = name,
            Unit = unit,
            Scope = scope,
            Aggregation = aggregation,
            Timestep = Timestep,
            Peak = Round(peak),
            Normal = Round(normal),
            Caution = Round(caution),
            Alert = Round(alert),
            Footprint = footprint,
            Energy = energy,
            LowerIsBetter = lowerIsBetter,
        };

    private static double Round(double value) => MetricStatistics.RoundToHundredths(value);
}
