using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Jobs.Queries;

namespace Clusterdeck.Core.Jobs;

/// <summary>
/// The one read side of jobs behind the REST list, GraphQL and the UI: every query is restricted to what
/// the caller may see (<see cref="JobAccess"/>), and every job's tags to what the caller may read.
/// </summary>
public sealed class JobQueryService(IJobStore jobs, JobVisibilityResolver visibility)
{
    /// <summary>The job, or <see cref="NotFoundException"/> when it does not exist or the caller may not see it.</summary>
    public async Task<Job> GetAsync(Caller caller, long dbId, CancellationToken cancellationToken)
    {
        var seen = await visibility.ForAsync(caller, cancellationToken);
        var job = await jobs.GetAsync(dbId, cancellationToken);
        if (job is null || !JobAccess.CanSee(seen, job))
        {
            throw new NotFoundException($"job {dbId} does not exist");
        }

        return WithReadableTags(caller, job);
    }

    public async Task<JobPage> QueryAsync(Caller caller, JobQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var seen = await visibility.ForAsync(caller, cancellationToken);
        var page = await jobs.QueryAsync(query, seen, cancellationToken);
        return page with { Items = [.. page.Items.Select(j => WithReadableTags(caller, j))] };
    }

    public async Task<long> CountAsync(Caller caller, IReadOnlyList<JobFilter> filters, CancellationToken cancellationToken)
    {
        var seen = await visibility.ForAsync(caller, cancellationToken);
        var page = await jobs.QueryAsync(new JobQuery { Filters = filters, Page = new PageRequest(0), IncludeCount = true }, seen, cancellationToken);
        return page.Count ?? 0;
    }

    /// <summary>The partitions jobs of <paramref name="cluster"/> ran in. Like cluster.json, readable by every caller.</summary>
    public Task<IReadOnlyList<string>> PartitionsAsync(string cluster, CancellationToken cancellationToken) =>
        jobs.PartitionsAsync(cluster, cancellationToken);

    public async Task<IReadOnlyList<JobGroupStatistics>> StatisticsAsync(Caller caller, JobStatisticsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var seen = await visibility.ForAsync(caller, cancellationToken);
        return await jobs.StatisticsAsync(query, seen, cancellationToken);
    }

    /// <summary>Throws <see cref="AccessDeniedException"/> unless the caller may view <paramref name="project"/> as a whole (<see cref="JobAccess.CanViewProject"/>).</summary>
    public async Task RequireProjectViewAsync(Caller caller, string project, CancellationToken cancellationToken)
    {
        var seen = await visibility.ForAsync(caller, cancellationToken);
        if (!JobAccess.CanViewProject(seen, project))
        {
            throw new AccessDeniedException($"only admins, support and the project's managers may view project '{project}'");
        }
    }

    /// <summary>The tags of a job the caller can see, limited to those the caller may read.</summary>
    public async Task<IReadOnlyList<Tag>> TagsOfJobAsync(Caller caller, long dbId, CancellationToken cancellationToken) =>
        (await GetAsync(caller, dbId, cancellationToken)).Tags ?? [];

    private static Job WithReadableTags(Caller caller, Job job) =>
        job.Tags is null ? job : job with { Tags = TagService.Readable(caller, job.Tags) };
}
