namespace Clusterdeck.Core.Jobs;

/// <summary>
/// What the metric data says about a job as a whole: its footprint (<c>&lt;metric&gt;_&lt;stat&gt;</c>), its energy in kWh and
/// the energy per power metric. Written when a running job is refreshed and when a stopped job is archived.
/// </summary>
public sealed record JobMetricsSummary(
    IReadOnlyDictionary<string, double>? Footprint,
    double Energy,
    IReadOnlyDictionary<string, double>? EnergyFootprint);
