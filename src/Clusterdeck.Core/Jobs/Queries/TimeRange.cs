namespace Clusterdeck.Core.Jobs.Queries;

/// <summary>
/// A start-time condition: either a named <see cref="Range"/> (<c>last6h</c>, <c>last24h</c>, <c>last7d</c>,
/// <c>last30d</c>, resolved against the query's clock) or explicit bounds in Unix seconds (either may be open).
/// </summary>
public sealed record TimeRange
{
    public string? Range { get; init; }
    public long? From { get; init; }
    public long? To { get; init; }
}
