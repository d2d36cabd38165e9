using Clusterdeck.Core.Archive;
using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Archive;

/// <summary>The reference job archive (cc-backend's test archive: clusters emmy, fritz, alex; two emmy jobs).</summary>
internal static class ReferenceArchive
{
    public static string Root => RepositoryPaths.Reference("clustercockpit/job-archive");

    /// <summary>(cluster, jobId, startTime) of the archived jobs.</summary>
    public static IReadOnlyList<(string Cluster, long JobId, long StartTime)> Jobs { get; } =
        [("emmy", 1403244, 1608923076), ("emmy", 1404397, 1609300556)];

    public static string JobDirectory(long jobId, long startTime) => new ArchivePaths(Root).JobDirectory("emmy", jobId, startTime);

    /// <summary>A new temporary archive holding copies of the reference cluster.json files and version.txt, no jobs.</summary>
    public static string CopyClustersToTemp()
    {
        var target = Directory.CreateTempSubdirectory("clusterdeck-archive-").FullName;
        File.Copy(Path.Combine(Root, "version.txt"), Path.Combine(target, "version.txt"));
        foreach (var cluster in new[] { "alex", "emmy", "fritz" })
        {
            Directory.CreateDirectory(Path.Combine(target, cluster));
            File.Copy(Path.Combine(Root, cluster, "cluster.json"), Path.Combine(target, cluster, "cluster.json"));
        }

        return target;
    }
}
