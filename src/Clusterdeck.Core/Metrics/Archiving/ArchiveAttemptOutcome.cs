namespace Clusterdeck.Core.Metrics.Archiving;

/// <summary>How one attempt to archive a queued job ended.</summary>
public enum ArchiveAttemptOutcome
{
    /// <summary>Written to the archive and recorded as monitoring status 3.</summary>
    Archived,

    /// <summary>Failed for a reason that may pass; the job is still queued (status 1) and should be tried again later.</summary>
    RetryLater,

    /// <summary>Failed for good; recorded as monitoring status 2 with the reason in the job's metadata, unless the database refused even that.</summary>
    Failed,
}
