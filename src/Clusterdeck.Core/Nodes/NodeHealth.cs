namespace Clusterdeck.Core.Nodes;

/// <summary>
/// A node's health at one moment: its <see cref="MonitoringStates"/> value and the metrics that made it so.
/// <see cref="Missing"/> had no value in the whole look-back window; <see cref="Degraded"/> had values, but none recent.
/// </summary>
public sealed record NodeHealth(string State, IReadOnlyList<string> Missing, IReadOnlyList<string> Degraded)
{
    /// <summary>Health of a node that is down: not checked, reported full as cc-backend does.</summary>
    public static NodeHealth NotChecked { get; } = new(MonitoringStates.Full, [], []);

    /// <summary>Health when the metric source could not be asked: failed, every metric missing.</summary>
    public static NodeHealth Unavailable(IReadOnlyList<string> metrics) => new(MonitoringStates.Failed, metrics, []);

    /// <summary>Classifies a node from its healthy, degraded and missing metrics with cc-backend's rule.</summary>
    public static NodeHealth From(int healthy, IReadOnlyList<string> missing, IReadOnlyList<string> degraded) => new(
        missing.Count == 0 && degraded.Count == 0 ? MonitoringStates.Full
        : healthy == 0 ? MonitoringStates.Failed
        : MonitoringStates.Partial,
        missing,
        degraded);
}
