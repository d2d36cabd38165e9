namespace Clusterdeck.Core.Nodes;

/// <summary>
/// A node's health as judged from its metrics (cc-lib <c>schema.MonitoringState</c>): <see cref="Full"/> when every
/// metric of its subcluster arrived recently, <see cref="Partial"/> when some did, <see cref="Failed"/> when none did.
/// </summary>
public static class MonitoringStates
{
    public const string Full = "full";
    public const string Partial = "partial";
    public const string Failed = "failed";

    public static IReadOnlyList<string> All { get; } = [Full, Partial, Failed];

    public static bool IsValid(string state) => All.Contains(state, StringComparer.Ordinal);
}
