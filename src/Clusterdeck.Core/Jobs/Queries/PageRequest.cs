namespace Clusterdeck.Core.Jobs.Queries;

/// <summary>1-based page of a result; <see cref="ItemsPerPage"/> of -1 means all.</summary>
public sealed record PageRequest(int ItemsPerPage, int Page = 1)
{
    public long Offset => ItemsPerPage < 0 ? 0 : (long)(Page - 1) * ItemsPerPage;
}
