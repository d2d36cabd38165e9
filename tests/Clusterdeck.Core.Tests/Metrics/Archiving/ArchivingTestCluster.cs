using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Metrics;
using Clusterdeck.Core.Metrics.Archiving;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Clusterdeck.Core.Tests.Metrics.Archiving;

/// <summary>
/// A real job archive in a temporary directory with one cluster, <c>testcluster</c> (subcluster <c>main</c>, hosts n01..n16),
/// its real cluster catalog and placement, and an archiver over the in-memory source and store.
/// </summary>
internal sealed class ArchivingTestCluster : IDisposable
{
    public const string Name = "testcluster";

    public static readonly MetricUnit Load = new() { Base = "" };
    public static readonly MetricUnit Gigabytes = new() { Base = "B", Prefix = "G" };
    public static readonly MetricUnit Watts = new() { Base = "W" };
    public static readonly MetricUnit Gigaflops = new() { Base = "F/s", Prefix = "G" };

    private const string ClusterJson = """
        {
          "name": "testcluster",
          "metricConfig": [
            { "name": "cpu_load", "unit": { "base": "" }, "scope": "node", "aggregation": "avg", "timestep": 60,
              "peak": 8, "normal": 4, "caution": 1, "alert": 0.5, "footprint": "avg" },
            { "name": "mem_used", "unit": { "base": "B", "prefix": "G" }, "scope": "node", "aggregation": "sum", "timestep": 60,
              "peak": 32, "normal": 16, "caution": 24, "alert": 30, "footprint": "max", "lowerIsBetter": true },
            { "name": "cpu_power", "unit": { "base": "W" }, "scope": "socket", "aggregation": "sum", "timestep": 60,
              "peak": 500, "normal": 250, "caution": 100, "alert": 50, "energy": "power" },
            { "name": "flops_any", "unit": { "base": "F/s", "prefix": "G" }, "scope": "hwthread", "aggregation": "sum", "timestep": 60,
              "peak": 100, "normal": 50, "caution": 10, "alert": 5 }
          ],
          "subClusters": [
            { "name": "main", "nodes": "n[01-16]", "processorType": "Test CPU", "socketsPerNode": 1, "coresPerSocket": 2,
              "threadsPerCore": 1, "flopRateScalar": { "unit": { "base": "F/s", "prefix": "G" }, "value": 14 },
              "flopRateSimd": { "unit": { "base": "F/s", "prefix": "G" }, "value": 112 },
              "memoryBandwidth": { "unit": { "base": "B/s", "prefix": "G" }, "value": 24 },
              "topology": { "node": [0, 1], "socket": [[0, 1]], "memoryDomain": [[0, 1]], "core": [[0], [1]] } }
          ]
        }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("clusterdeck-archiving-").FullName;

    public ArchivingTestCluster()
    {
        Root = Path.Combine(_directory, "job-archive");
        Directory.CreateDirectory(Path.Combine(Root, Name));
        File.WriteAllText(Path.Combine(Root, "version.txt"), "3\n");
        File.WriteAllText(Path.Combine(Root, Name, "cluster.json"), ClusterJson);
        Archive = new JobArchive(Root);
        Catalog = ClusterCatalog.Load(Root);
        Placement = new JobPlacement(Catalog);
    }

    public string Root { get; }

    public JobArchive Archive { get; }

    public IClusterCatalog Catalog { get; }

    public JobPlacement Placement { get; }

    public InMemoryMetricSource Source { get; } = new();

    public RecordingJobStore Store { get; } = new();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(1_700_010_000));

    public JobArchiver Archiver(IMetricSource? source = null) =>
        new(Catalog, source ?? Source, Archive, Store, Placement, Clock, NullLogger<JobArchiver>.Instance);

    /// <summary>A stopped job on <paramref name="hosts"/> (n01, n02, ...), queued for archiving, 1 h long.</summary>
    public static Job StoppedJob(long jobId = 4711, int numAcc = 0, params string[] hosts)
    {
        hosts = hosts.Length == 0 ? ["n01", "n02"] : hosts;
        return new Job
        {
            JobId = jobId,
            User = "alice",
            Project = "p1",
            Cluster = Name,
            SubCluster = "main",
            NumNodes = hosts.Length,
            NumAcc = numAcc,
            State = JobStates.Completed,
            StartTime = 1_700_000_000,
            Duration = 3600,
            MonitoringStatus = MonitoringStatus.RunningOrArchiving,
            Resources = [.. hosts.Select(h => new JobResource { Hostname = h })],
            MetaData = new Dictionary<string, string> { ["jobName"] = "sim" },
            Tags = [],
        };
    }

    public string JobDirectory(Job job) => new ArchivePaths(Root).JobDirectory(job);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
