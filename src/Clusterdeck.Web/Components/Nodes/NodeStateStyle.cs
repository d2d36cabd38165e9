using Clusterdeck.Core.Nodes;

namespace Clusterdeck.Web.Components.Nodes;

/// <summary>
/// The Bootstrap colour of each node state, the same on the status page, the node page and anywhere a state is shown:
/// green is good (idle, full health), blue busy, yellow worth a look, red broken, grey unknown or never reported.
/// </summary>
public static class NodeStateStyle
{
    public static string SchedulerColor(string? state) => state switch
    {
        SchedulerStates.Idle => "success",
        SchedulerStates.Allocated => "primary",
        SchedulerStates.Mixed => "info",
        SchedulerStates.Reserved => "warning",
        SchedulerStates.Down => "danger",
        _ => "secondary",
    };

    public static string HealthColor(string? state) => state switch
    {
        MonitoringStates.Full => "success",
        MonitoringStates.Partial => "warning",
        MonitoringStates.Failed => "danger",
        _ => "secondary",
    };

    /// <summary>What a badge says for a state; a node the batch system never reported has none.</summary>
    public static string Label(string? state) => string.IsNullOrEmpty(state) ? "not reported" : state;
}
