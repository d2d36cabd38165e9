namespace Clusterdeck.Tests.Infrastructure;

/// <summary>
/// Prepares a job archive in a test's data directory before the server starts: <c>version.txt</c> and the
/// clusters the test needs, either from the reference archive or the small <c>testcluster</c> that
/// cc-backend's own API tests use (subcluster sc1 = host123..host125, sc2 = host126..host128).
/// </summary>
public static class TestArchive
{
    public const string TestClusterName = "testcluster";

    private const string TestClusterJson = """
        {
          "name": "testcluster",
          "metricConfig": [
            { "name": "load_one", "unit": { "base": "load" }, "scope": "node", "aggregation": "avg", "timestep": 60,
              "peak": 8, "normal": 4, "caution": 1, "alert": 0.5, "footprint": "avg" },
            { "name": "mem_used", "unit": { "base": "B", "prefix": "G" }, "scope": "node", "aggregation": "sum", "timestep": 60,
              "peak": 32, "normal": 16, "caution": 24, "alert": 30, "footprint": "max", "lowerIsBetter": true }
          ],
          "subClusters": [
            { "name": "sc1", "nodes": "host[123-125]", "processorType": "Test CPU", "socketsPerNode": 1, "coresPerSocket": 4,
              "threadsPerCore": 2, "flopRateScalar": { "unit": { "base": "F/s", "prefix": "G" }, "value": 14 },
              "flopRateSimd": { "unit": { "base": "F/s", "prefix": "G" }, "value": 112 },
              "memoryBandwidth": { "unit": { "base": "B/s", "prefix": "G" }, "value": 24 },
              "topology": { "node": [0, 1, 2, 3, 4, 5, 6, 7], "socket": [[0, 1, 2, 3, 4, 5, 6, 7]], "memoryDomain": [[0, 1, 2, 3, 4, 5, 6, 7]],
                "core": [[0, 4], [1, 5], [2, 6], [3, 7]] } },
            { "name": "sc2", "nodes": "host[126-128]", "processorType": "Test CPU", "socketsPerNode": 1, "coresPerSocket": 4,
              "threadsPerCore": 2, "flopRateScalar": { "unit": { "base": "F/s", "prefix": "G" }, "value": 14 },
              "flopRateSimd": { "unit": { "base": "F/s", "prefix": "G" }, "value": 112 },
              "memoryBandwidth": { "unit": { "base": "B/s", "prefix": "G" }, "value": 24 },
              "topology": { "node": [0, 1, 2, 3, 4, 5, 6, 7], "socket": [[0, 1, 2, 3, 4, 5, 6, 7]], "memoryDomain": [[0, 1, 2, 3, 4, 5, 6, 7]],
                "core": [[0, 4], [1, 5], [2, 6], [3, 7]] } }
          ]
        }
        """;

    /// <summary>The archive directory the server uses by default for <paramref name="dataDirectory"/>.</summary>
    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, "job-archive");

    /// <summary>Creates the archive with <c>testcluster</c> and, by name, clusters copied from the reference archive.</summary>
    public static string Create(string dataDirectory, params string[] referenceClusters)
    {
        var root = PathIn(dataDirectory);
        Directory.CreateDirectory(Path.Combine(root, TestClusterName));
        File.WriteAllText(Path.Combine(root, "version.txt"), "3\n");
        File.WriteAllText(Path.Combine(root, TestClusterName, "cluster.json"), TestClusterJson);
        foreach (var cluster in referenceClusters)
        {
            Directory.CreateDirectory(Path.Combine(root, cluster));
            File.Copy(RepositoryPaths.Reference($"clustercockpit/job-archive/{cluster}/cluster.json"), Path.Combine(root, cluster, "cluster.json"));
        }

        return root;
    }

    /// <summary>Copies the whole reference archive (emmy with its two jobs, fritz, alex) into <c>&lt;dataDirectory&gt;/job-archive</c>.</summary>
    public static string CopyReference(string dataDirectory)
    {
        var from = RepositoryPaths.Reference("clustercockpit/job-archive");
        var root = PathIn(dataDirectory);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return root;
    }
}
