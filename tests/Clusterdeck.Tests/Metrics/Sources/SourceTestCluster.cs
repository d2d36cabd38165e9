using System.Globalization;
using System.Text;
using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Metrics.Sources;

/// <summary>
/// The cluster the source suite reads: hosts node01..node04, each 2 sockets × 2 cores × 2 threads (threads 0-7; core
/// c = threads c and c+4; socket 0 = cores 0 and 1) and two GPUs; every metric sampled each second, so a real
/// Prometheus scraping each second fills a window quickly. Known node values: <see cref="Load"/> and <see cref="Memory"/>.
/// </summary>
internal static class SourceTestCluster
{
    public const string Name = "srccluster";
    public const string SubCluster = "main";

    /// <summary>Constant per host: node01 = 42.5, node02 = 7 (none on node03 and node04).</summary>
    public const string Load = "cd_load";

    /// <summary>Constant per host: node01 = 1000, node02 = 2000.</summary>
    public const string Memory = "cd_mem";

    /// <summary>Configured, but no source ever has data for it.</summary>
    public const string NoData = "cd_none";

    /// <summary>Node scope, for exact-value tests.</summary>
    public const string Ramp = "cd_ramp";

    /// <summary>Measured per hardware thread, summed.</summary>
    public const string Flops = "cd_flops";

    /// <summary>Measured per core, averaged.</summary>
    public const string CoreClock = "cd_core";

    /// <summary>Measured per accelerator, summed.</summary>
    public const string GpuPower = "cd_gpu";

    /// <summary>Real metrics of the machine, from the node exporter in the Prometheus fixture.</summary>
    public const string CpuLoad = "cpu_load";

    public const string MemUsed = "mem_used";

    public static readonly string[] Gpus = ["gpu0", "gpu1"];

    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> KnownValues =
        new Dictionary<string, IReadOnlyDictionary<string, double>>
        {
            [Load] = new Dictionary<string, double> { ["node01"] = 42.5, ["node02"] = 7 },
            [Memory] = new Dictionary<string, double> { ["node01"] = 1000, ["node02"] = 2000 },
        };

    private const string Json = """
        {
          "name": "srccluster",
          "metricConfig": [
            { "name": "cd_load", "unit": { "base": "load" }, "scope": "node", "aggregation": "avg", "timestep": 1, "peak": 64, "normal": 32, "caution": 1, "alert": 0.5 },
            { "name": "cd_mem", "unit": { "base": "B", "prefix": "M" }, "scope": "node", "aggregation": "sum", "timestep": 1, "peak": 4000, "normal": 2000, "caution": 3000, "alert": 3500 },
            { "name": "cd_none", "unit": { "base": "" }, "scope": "node", "aggregation": "sum", "timestep": 1, "peak": 1, "normal": 1, "caution": 1, "alert": 1 },
            { "name": "cd_ramp", "unit": { "base": "" }, "scope": "node", "aggregation": "sum", "timestep": 1, "peak": 1, "normal": 1, "caution": 1, "alert": 1 },
            { "name": "cd_flops", "unit": { "base": "F/s", "prefix": "G" }, "scope": "hwthread", "aggregation": "sum", "timestep": 1, "peak": 100, "normal": 50, "caution": 5, "alert": 1 },
            { "name": "cd_core", "unit": { "base": "Hz", "prefix": "M" }, "scope": "core", "aggregation": "avg", "timestep": 1, "peak": 100, "normal": 50, "caution": 5, "alert": 1 },
            { "name": "cd_gpu", "unit": { "base": "W" }, "scope": "accelerator", "aggregation": "sum", "timestep": 1, "peak": 300, "normal": 150, "caution": 10, "alert": 5 },
            { "name": "cpu_load", "unit": { "base": "load" }, "scope": "node", "aggregation": "avg", "timestep": 1, "peak": 64, "normal": 32, "caution": 1, "alert": 0.5 },
            { "name": "mem_used", "unit": { "base": "B", "prefix": "G" }, "scope": "node", "aggregation": "sum", "timestep": 1, "peak": 256, "normal": 128, "caution": 200, "alert": 240 }
          ],
          "subClusters": [
            { "name": "main", "nodes": "node[01-04]", "processorType": "Test CPU", "socketsPerNode": 2, "coresPerSocket": 2, "threadsPerCore": 2,
              "flopRateScalar": { "unit": { "base": "F/s", "prefix": "G" }, "value": 10 },
              "flopRateSimd": { "unit": { "base": "F/s", "prefix": "G" }, "value": 40 },
              "memoryBandwidth": { "unit": { "base": "B/s", "prefix": "G" }, "value": 20 },
              "topology": {
                "node": [0, 1, 2, 3, 4, 5, 6, 7],
                "socket": [[0, 1, 4, 5], [2, 3, 6, 7]],
                "memoryDomain": [[0, 1, 4, 5], [2, 3, 6, 7]],
                "core": [[0, 4], [1, 5], [2, 6], [3, 7]],
                "accelerators": [
                  { "id": "gpu0", "type": "Nvidia GPU", "model": "Test GPU" },
                  { "id": "gpu1", "type": "Nvidia GPU", "model": "Test GPU" }
                ]
              } }
          ]
        }
        """;

    /// <summary>Creates the archive of <paramref name="dataDirectory"/> with this cluster (and cc-backend's testcluster).</summary>
    public static void WriteArchive(string dataDirectory)
    {
        var root = TestArchive.Create(dataDirectory);
        Directory.CreateDirectory(Path.Combine(root, Name));
        File.WriteAllText(Path.Combine(root, Name, "cluster.json"), Json);
    }

    /// <summary>One line-protocol line as cc-metric-collector writes it (timestamp in seconds).</summary>
    public static void AppendLine(StringBuilder lines, string metric, string host, long time, double value, string? type = null, string? typeId = null)
    {
        lines.Append(metric).Append(",cluster=").Append(Name).Append(",hostname=").Append(host);
        if (type is not null)
        {
            lines.Append(",type=").Append(type).Append(",type-id=").Append(typeId);
        }

        lines.Append(" value=").Append(value.ToString("R", CultureInfo.InvariantCulture))
            .Append(' ').Append(time.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }
}
