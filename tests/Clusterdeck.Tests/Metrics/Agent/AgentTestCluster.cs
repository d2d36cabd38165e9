using System.Globalization;

namespace Clusterdeck.Tests.Metrics.Agent;

/// <summary>
/// A cluster whose only subcluster is this machine (by its host name, with its real hwthread count), for tests that run the
/// agent against a server: the metrics the agent writes are configured there as in the reference cluster.json files.
/// </summary>
internal static class AgentTestCluster
{
    public const string Name = "agentcluster";

    public static string Hostname => Environment.MachineName;

    /// <summary>Writes <c>&lt;archive&gt;/agentcluster/cluster.json</c>.</summary>
    public static void WriteTo(string archiveRoot)
    {
        var threads = string.Join(", ", Enumerable.Range(0, Environment.ProcessorCount).Select(i => i.ToString(CultureInfo.InvariantCulture)));
        var cores = string.Join(", ", Enumerable.Range(0, Environment.ProcessorCount).Select(i => $"[{i}]"));
        Directory.CreateDirectory(Path.Combine(archiveRoot, Name));
        File.WriteAllText(Path.Combine(archiveRoot, Name, "cluster.json"), $$"""
            {
              "name": "{{Name}}",
              "metricConfig": [
                { "name": "cpu_load", "unit": { "base": "" }, "scope": "node", "aggregation": "avg", "timestep": 60, "peak": 64, "normal": 32, "caution": 8, "alert": 1 },
                { "name": "cpu_user", "unit": { "base": "" }, "scope": "hwthread", "aggregation": "avg", "timestep": 60, "peak": 100, "normal": 50, "caution": 20, "alert": 10 },
                { "name": "mem_used", "unit": { "base": "B", "prefix": "G" }, "scope": "node", "aggregation": "sum", "timestep": 60, "peak": 512, "normal": 256, "caution": 400, "alert": 480 },
                { "name": "net_bw", "unit": { "base": "B/s" }, "scope": "node", "aggregation": "sum", "timestep": 60, "peak": 1e10, "normal": 1e9, "caution": 1e6, "alert": 1e3 },
                { "name": "file_bw", "unit": { "base": "B/s" }, "scope": "node", "aggregation": "sum", "timestep": 60, "peak": 1e10, "normal": 1e9, "caution": 1e6, "alert": 1e3 }
              ],
              "subClusters": [
                { "name": "main", "nodes": "{{Hostname}}", "processorType": "This machine", "socketsPerNode": 1, "coresPerSocket": {{Environment.ProcessorCount}},
                  "threadsPerCore": 1, "flopRateScalar": { "unit": { "base": "F/s", "prefix": "G" }, "value": 10 },
                  "flopRateSimd": { "unit": { "base": "F/s", "prefix": "G" }, "value": 80 },
                  "memoryBandwidth": { "unit": { "base": "B/s", "prefix": "G" }, "value": 20 },
                  "topology": { "node": [{{threads}}], "socket": [[{{threads}}]], "memoryDomain": [[{{threads}}]], "core": [{{cores}}] } }
              ]
            }
            """);
    }
}
