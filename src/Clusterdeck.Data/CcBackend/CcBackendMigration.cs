using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Data.CcBackend;

/// <summary>
/// Takes over a cc-backend site's database: users (bcrypt hashes, roles, projects, auth source kept),
/// jobs and tags. The source is only read. Running it again is safe: users and jobs that exist are
/// skipped, tags are found rather than duplicated, and attaching a tag twice is a no-op.
/// </summary>
public sealed class CcBackendMigration(IUserStore users, IJobStore jobs, ITagStore tags)
{
    private const int BatchSize = 2000;

    public async Task<CcBackendMigrationResult> RunAsync(string databasePath, IProgress<CcBackendMigrationProgress>? progress, CancellationToken cancellationToken)
    {
        await using var source = await CcBackendDatabase.OpenAsync(databasePath, cancellationToken);

        progress?.Report(new("users", 0, 0));
        var usersAdded = 0;
        var usersSkipped = new List<string>();
        foreach (var user in await source.ReadUsersAsync(cancellationToken))
        {
            if (await users.AddAsync(user, cancellationToken))
            {
                usersAdded++;
            }
            else
            {
                usersSkipped.Add(user.Username);
            }
        }

        var ccTags = await source.ReadTagsAsync(cancellationToken);
        var jobTags = await source.ReadJobTagsAsync(cancellationToken);
        var taggedRows = jobTags.Select(p => p.JobRowId).ToHashSet();
        var taggedKeys = new Dictionary<long, (long JobId, string Cluster, long StartTime)>();

        var total = await source.CountJobsAsync(cancellationToken);
        long read = 0, added = 0;
        var batch = new List<Job>(BatchSize);
        progress?.Report(new("jobs", 0, total));
        await foreach (var job in source.ReadJobsAsync(cancellationToken))
        {
            if (job.Id is { } rowId && taggedRows.Contains(rowId))
            {
                taggedKeys[rowId] = (job.JobId, job.Cluster, job.StartTime);
            }

            batch.Add(job with { Id = null });
            read++;
            if (batch.Count == BatchSize)
            {
                added += await jobs.AddManyAsync(batch, cancellationToken);
                batch.Clear();
                progress?.Report(new("jobs", read, total));
            }
        }

        if (batch.Count > 0)
        {
            added += await jobs.AddManyAsync(batch, cancellationToken);
        }

        progress?.Report(new("jobs", read, total));

        progress?.Report(new("tags", 0, jobTags.Count));
        var tagIds = new Dictionary<long, long>();
        foreach (var tag in ccTags)
        {
            tagIds[tag.Id] = (await tags.GetOrCreateAsync(tag.Type, tag.Name, tag.Scope, cancellationToken)).Id;
        }

        int attached = 0, dangling = 0;
        foreach (var (rowId, tagId) in jobTags)
        {
            if (!taggedKeys.TryGetValue(rowId, out var key) || !tagIds.TryGetValue(tagId, out var ourTagId)
                || await jobs.FindAsync(key.JobId, key.Cluster, key.StartTime, cancellationToken) is not { Id: { } ourJobId })
            {
                dangling++;
                continue;
            }

            await tags.AttachAsync(ourJobId, ourTagId, cancellationToken);
            attached++;
        }

        progress?.Report(new("tags", jobTags.Count, jobTags.Count));
        return new CcBackendMigrationResult
        {
            UsersAdded = usersAdded,
            UsersSkipped = usersSkipped,
            JobsRead = read,
            JobsAdded = added,
            TagsRead = ccTags.Count,
            TagAttachments = attached,
            DanglingTagAttachments = dangling,
        };
    }
}
