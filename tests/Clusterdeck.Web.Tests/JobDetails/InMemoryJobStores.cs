using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Jobs.Queries;

namespace Clusterdeck.Web.Tests.JobDetails;

/// <summary>
/// Stores for rendering the tag editor in bUnit, which runs without a host or database: the services on top
/// (<see cref="TagService"/>, <see cref="JobQueryService"/>) are the real ones. Only what they call is implemented.
/// </summary>
internal sealed class InMemoryJobStores : ITagStore, IJobStore, IUserStore
{
    private readonly List<Tag> _tags = [];
    private readonly HashSet<(long Job, long Tag)> _attached = [];
    private readonly Dictionary<long, Job> _jobs = [];

    public void AddJob(Job job) => _jobs[job.Id!.Value] = job;

    public Tag AddTag(string type, string name, string scope)
    {
        var tag = new Tag { Id = _tags.Count + 1, Type = type, Name = name, Scope = scope };
        _tags.Add(tag);
        return tag;
    }

    public void Attach(long job, long tag) => _attached.Add((job, tag));

    public Task<IReadOnlyList<Tag>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Tag>>([.. _tags]);

    public Task<Tag?> FindAsync(string type, string name, string scope, CancellationToken cancellationToken) =>
        Task.FromResult(_tags.FirstOrDefault(t => t.Type == type && t.Name == name && t.Scope == scope));

    public Task<Tag?> GetAsync(long id, CancellationToken cancellationToken) => Task.FromResult(_tags.FirstOrDefault(t => t.Id == id));

    public async Task<Tag> GetOrCreateAsync(string type, string name, string scope, CancellationToken cancellationToken) =>
        await FindAsync(type, name, scope, cancellationToken) ?? AddTag(type, name, scope);

    public Task<IReadOnlyList<Tag>> ForJobAsync(long jobDbId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Tag>>([.. _tags.Where(t => _attached.Contains((jobDbId, t.Id)))]);

    public Task AttachAsync(long jobDbId, long tagId, CancellationToken cancellationToken)
    {
        _attached.Add((jobDbId, tagId));
        return Task.CompletedTask;
    }

    public Task<bool> DetachAsync(long jobDbId, long tagId, CancellationToken cancellationToken) => Task.FromResult(_attached.Remove((jobDbId, tagId)));

    Task<bool> ITagStore.DeleteAsync(long tagId, CancellationToken cancellationToken) => throw new NotSupportedException();

    async Task<Job?> IJobStore.GetAsync(long id, CancellationToken cancellationToken) =>
        _jobs.TryGetValue(id, out var job) ? job with { Tags = await ForJobAsync(id, cancellationToken) } : null;

    Task<UserAccount?> IUserStore.FindAsync(string username, CancellationToken cancellationToken) => Task.FromResult<UserAccount?>(null);

    Task<long> IJobStore.AddAsync(Job job, CancellationToken cancellationToken) => throw new NotSupportedException();

    Task<long> IJobStore.AddUnlessStartedAfterAsync(Job job, long conflictsAfter, CancellationToken cancellationToken) => throw new NotSupportedException();

    Task<int> IJobStore.AddManyAsync(IReadOnlyList<Job> jobs, CancellationToken cancellationToken) => throw new NotSupportedException();

    Task<Job?> IJobStore.FindAsync(long jobId, string? cluster, long? startTime, CancellationToken cancellationToken) => throw new NotSupportedException();

    Task<bool> IJobStore.UpdateAsync(Job job, CancellationToken cancellationToken) => throw new NotSupportedException();

    Task<bool> IJobStore.DeleteAsync(long id, CancellationToken cancellationToken) => throw new NotSupportedException();

    Task<IReadOnlyList<Job>> IJobStore.ListAwaitingArchiveAsync(int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

    Task<bool> IJobStore.SetArchiveResultAsync(long id, int monitoringStatus, JobMetricsSummary? summary, CancellationToken cancellationToken) => throw new NotSupportedException();

    Task<bool> IJobStore.SetMetadataValueAsync(long id, string key, string value, CancellationToken cancellationToken) => throw new NotSupportedException();

    Task<IReadOnlyList<Job>> IJobStore.ListRunningAsync(long afterId, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

    Task<bool> IJobStore.RefreshRunningAsync(long id, int duration, JobMetricsSummary summary, CancellationToken cancellationToken) => throw new NotSupportedException();

    Task<int> IJobStore.DeleteStartedBeforeAsync(long startTime, bool omitTagged, CancellationToken cancellationToken) => throw new NotSupportedException();

    Task<IAsyncDisposable> IJobStore.BeginRebuildAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    Task<JobPage> IJobStore.QueryAsync(JobQuery query, JobVisibility visibility, CancellationToken cancellationToken) => throw new NotSupportedException();

    Task<IReadOnlyList<JobGroupStatistics>> IJobStore.StatisticsAsync(JobStatisticsQuery query, JobVisibility visibility, CancellationToken cancellationToken) => throw new NotSupportedException();

    Task<IReadOnlyList<string>> IJobStore.PartitionsAsync(string cluster, CancellationToken cancellationToken) => throw new NotSupportedException();

    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> IJobStore.UsedNodesAsync(long timestamp, CancellationToken cancellationToken) => throw new NotSupportedException();

    Task<IReadOnlyList<UserAccount>> IUserStore.ListAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    Task<int> IUserStore.CountAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    Task<bool> IUserStore.AddAsync(UserAccount user, CancellationToken cancellationToken) => throw new NotSupportedException();

    Task<bool> IUserStore.UpdateAsync(UserAccount user, CancellationToken cancellationToken) => throw new NotSupportedException();

    Task<bool> IUserStore.DeleteAsync(string username, CancellationToken cancellationToken) => throw new NotSupportedException();
}
