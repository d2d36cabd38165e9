namespace Clusterdeck.Core.Nodes;

/// <summary>The <c>Nodes</c> section: how a node's health is judged from the freshness of its metrics.</summary>
public sealed class NodeOptions
{
    public const string SectionName = "Nodes";

    /// <summary>
    /// A metric is healthy when it has a value within its last this-many timesteps (cc-backend's
    /// <c>MaxMissingDataPoints</c>, 5).
    /// </summary>
    public int HealthTimesteps { get; set; } = 5;

    /// <summary>
    /// How far back, in timesteps, a metric without a recent value is looked for: found means degraded (it stopped
    /// arriving), not found means missing (it never came, or stopped long ago).
    /// </summary>
    public int HealthLookbackTimesteps { get; set; } = 60;
}
