namespace Clusterdeck.Data.CcBackend;

/// <summary>What a takeover of a cc-backend database did. Counts of "existing" items are what an earlier run (or the site) already had.</summary>
public sealed record CcBackendMigrationResult
{
    public int UsersAdded { get; init; }

    /// <summary>Usernames that already existed here; they were left as they are.</summary>
    public IReadOnlyList<string> UsersSkipped { get; init; } = [];

    public long JobsRead { get; init; }
    public long JobsAdded { get; init; }

    /// <summary>Jobs whose (cluster, jobId, startTime) was already stored.</summary>
    public long JobsExisting => JobsRead - JobsAdded;

    public int TagsRead { get; init; }
    public int TagAttachments { get; init; }

    /// <summary>Job-tag rows that point at a job or tag missing from the cc-backend database.</summary>
    public int DanglingTagAttachments { get; init; }
}
