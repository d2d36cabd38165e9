namespace Clusterdeck.Core.Metrics.JobMetrics;

/// <summary>
/// The <c>Resampling</c> section (cc-backend's <c>resampling</c>): how metric data is downsampled when a client
/// asks for a coarser resolution, and which resolution applies when a GraphQL client asks for none.
/// </summary>
public sealed class ResamplingOptions
{
    public const string SectionName = "Resampling";

    /// <summary>Series shorter than this are returned at native resolution (cc-backend's <c>minimum-points</c>).</summary>
    public int MinimumPoints { get; set; } = Lttb.DefaultMinimumPoints;

    /// <summary>
    /// Resolutions (seconds) the UI offers; the largest is the default for <c>jobMetrics</c> and <c>nodeMetricsList</c>
    /// without a <c>resolution</c> argument. Empty (the default) means native resolution unless asked, as cc-backend
    /// without a <c>resampling</c> section.
    /// </summary>
    public IList<int> Resolutions { get; } = [];

    public int DefaultResolution => Resolutions.Count == 0 ? 0 : Resolutions.Max();
}
