using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Data.CcBackend;

/// <summary>
/// Takes over a cc-backend site's database: users (bcrypt hashes, roles, projects, auth source kept),
/// jobs and tags. The source is only read. Running it again is safe: users and jobs that exist are
/// skipped (a job's tags were stored with it), and tags are found rather than duplicated.
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

        // Every tag is created, also those no job carries; a job's links travel with it, so the store writes
        // them in the job's own transaction and an interrupted run never leaves a job without its tags.
        var ccTags = await source.ReadTagsAsync(cancellationToken);
        progress?.Report(new("tags", 0, ccTags.Count));
        foreach (var tag in ccTags)
        {
            await tags.GetOrCreateAsync(tag.Type, tag.Name, tag.Scope, cancellationToken);
        }

        var tagsById = ccTags.ToDictionary(t => t.Id, t => new Tag { Type = t.Type, Name = t.Name, Scope = t.Scope });
        var jobTags = await source.ReadJobTagsAsync(cancellationToken);
        var tagsOfRow = jobTags.Where(link => tagsById.ContainsKey(link.TagId))
            .GroupBy(link => link.JobRowId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Tag>)[.. g.Select(link => tagsById[link.TagId])]);

        var total = await source.CountJobsAsync(cancellationToken);
        long read = 0, added = 0;
        var attached = 0;
        var batch = new List<Job>(BatchSize);
        progress?.Report(new("jobs", 0, total));
        await foreach (var job in source.ReadJobsAsync(cancellationToken))
        {
            var jobTagList = job.Id is { } rowId ? tagsOfRow.GetValueOrDefault(rowId) : null;
            attached += jobTagList?.Count ?? 0;
            batch.Add(job with { Id = null, Tags = jobTagList });
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
        var dangling = jobTags.Count - attached;
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
