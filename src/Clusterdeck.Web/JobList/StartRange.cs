namespace Clusterdeck.Web.JobList;

/// <summary>
/// The start-time filter: a named recent window (<c>last6h</c>, <c>last24h</c>, <c>last7d</c>, <c>last30d</c>), resolved by
/// the store against its clock so a shared link keeps meaning "recent", or explicit Unix-second bounds (either may be open).
/// </summary>
public sealed record StartRange(string? Last, long? From, long? To)
{
    public static IReadOnlyList<string> Presets { get; } = ["last6h", "last24h", "last7d", "last30d"];
}
