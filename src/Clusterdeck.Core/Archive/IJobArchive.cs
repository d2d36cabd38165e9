using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Core.Archive;

/// <summary>
/// The job archive in cc-backend's format, version 3. Implementations guarantee: writes are atomic (a reader sees
/// the old file or the new one, never a part); files written validate against the archive schemas when the job
/// does; no name from a request can address a file outside the archive root (<see cref="Errors.InvalidInputException"/>).
/// </summary>
public interface IJobArchive
{
    /// <summary>Absolute path of the archive root.</summary>
    string Root { get; }

    /// <summary>Creates the root and its <c>version.txt</c> when the directory is new or empty; refuses another version.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string cluster, long jobId, long startTime, CancellationToken cancellationToken);

    /// <summary>The job's meta.json, or null when the job is not archived.</summary>
    Task<Job?> ReadMetaAsync(string cluster, long jobId, long startTime, CancellationToken cancellationToken);

    /// <summary>The job's metric data (<c>data.json.gz</c> preferred over <c>data.json</c>), or null when there is none.</summary>
    Task<JobData?> ReadDataAsync(string cluster, long jobId, long startTime, CancellationToken cancellationToken);

    Task WriteMetaAsync(Job job, CancellationToken cancellationToken);

    /// <summary>Writes data.json, gzip-compressed as data.json.gz when the encoded data is over 2000 bytes; removes the other form.</summary>
    Task WriteDataAsync(Job job, JobData data, CancellationToken cancellationToken);

    /// <summary>Writes both files of a job (cc-backend's <c>-import-job</c>): data first, so a meta.json is never without its data.</summary>
    Task ImportJobAsync(Job job, JobData data, CancellationToken cancellationToken);

    /// <summary>Removes the job's directory and then its parent directories that became empty. Returns false when there was nothing to remove.</summary>
    Task<bool> DeleteAsync(Job job, CancellationToken cancellationToken);

    /// <summary>Every job directory's meta.json, read in parallel; order is not defined. Unreadable files are reported, not thrown.</summary>
    IAsyncEnumerable<ArchivedMeta> EnumerateMetaAsync(CancellationToken cancellationToken);
}
