using Clusterdeck.Core.Configuration;

namespace Clusterdeck.Core.Metrics.Agent;

/// <summary>
/// The <c>Agent</c> section: the server runs the node agent for its own node and writes straight into its metric store
/// (no HTTP, no token). Off by default; a compute node runs <c>clusterdeck agent</c> instead.
/// </summary>
public sealed class AgentOptions
{
    public const string SectionName = "Agent";

    /// <summary>The metric timestep of the reference clusters, used when neither the section nor the cluster says otherwise.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(60);

    public bool Enabled { get; set; }

    /// <summary>Cluster the metrics belong to. Empty: the cluster whose node list names this host (see <see cref="AgentClusterChoice"/>).</summary>
    public string Cluster { get; set; } = "";

    /// <summary>The <c>hostname</c> tag. Empty: this machine's name without its domain, as cc-metric-collector uses.</summary>
    public string Hostname { get; set; } = "";

    /// <summary>Time between readings (<c>60s</c>, <c>1m</c>). Empty: the <c>cpu_load</c> timestep of the cluster, else 60 s.</summary>
    public string Interval { get; set; } = "";

    public string ResolvedHostname => Hostname.Length > 0 ? Hostname : Environment.MachineName;

    public TimeSpan? ResolvedInterval => Interval.Length > 0 ? DurationText.Parse(Interval) : null;
}
