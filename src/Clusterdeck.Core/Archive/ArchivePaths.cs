using System.Globalization;
using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Core.Archive;

/// <summary>
/// Where a job lives in the archive: <c>&lt;root&gt;/&lt;cluster&gt;/&lt;jobId/1000&gt;/&lt;jobId%1000, 3 digits&gt;/&lt;startTime&gt;</c>.
/// Every path built here is checked to stay under the root, whatever a request put in the cluster name.
/// </summary>
internal sealed class ArchivePaths(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>A name usable as one directory level: not empty, not <c>.</c> or <c>..</c>, no separators or control characters.</summary>
    public static bool IsSafeComponent(string name) =>
        name.Length is > 0 and <= 255
        && name is not "." and not ".."
        && !name.Any(c => c is '/' or '\\' or ':' || char.IsControl(c));

    public static void RequireSafeCluster(string cluster)
    {
        if (!IsSafeComponent(cluster))
        {
            throw new InvalidInputException($"'{cluster}' is not a valid cluster name: it must be a single path component (no '/', '\\', '..', control characters) of 1 to 255 characters");
        }
    }

    public string JobDirectory(string cluster, long jobId, long startTime)
    {
        RequireSafeCluster(cluster);
        if (jobId < 0)
        {
            throw new InvalidInputException($"jobId {jobId} is negative");
        }

        if (startTime < 0)
        {
            throw new InvalidInputException($"startTime {startTime} is negative");
        }

        var directory = Path.Combine(
            Root,
            cluster,
            (jobId / 1000).ToString(CultureInfo.InvariantCulture),
            (jobId % 1000).ToString("000", CultureInfo.InvariantCulture),
            startTime.ToString(CultureInfo.InvariantCulture));
        return RequireInside(directory);
    }

    public string JobDirectory(Job job) => JobDirectory(job.Cluster, job.JobId, job.StartTime);

    public string ClusterDirectory(string cluster)
    {
        RequireSafeCluster(cluster);
        return RequireInside(Path.Combine(Root, cluster));
    }

    /// <summary>Second line of defence: the full path must be strictly below the root.</summary>
    private string RequireInside(string path)
    {
        var full = Path.GetFullPath(path);
        var prefix = Root.EndsWith(Path.DirectorySeparatorChar) ? Root : Root + Path.DirectorySeparatorChar;
        if (!full.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new InvalidInputException($"path '{full}' would leave the archive");
        }

        return full;
    }
}
