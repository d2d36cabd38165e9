using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Core.Archive.Import;

/// <summary>One <c>meta.json</c> found in the archive: the job read from it, or why it could not be read.</summary>
public sealed record ArchivedJob(string Path, Job? Job, string? Failure)
{
    public static ArchivedJob Read(string path, Job job) => new(path, job, null);

    public static ArchivedJob Unreadable(string path, string reason) => new(path, null, reason);
}
