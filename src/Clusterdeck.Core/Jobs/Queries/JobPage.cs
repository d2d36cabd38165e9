namespace Clusterdeck.Core.Jobs.Queries;

/// <summary>One page of jobs, the total number of matches when it was asked for, and whether more follow.</summary>
public sealed record JobPage(IReadOnlyList<Job> Items, long? Count, bool HasNextPage);
