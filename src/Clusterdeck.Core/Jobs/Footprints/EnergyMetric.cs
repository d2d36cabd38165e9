namespace Clusterdeck.Core.Jobs.Footprints;

/// <summary>A metric in a subcluster's energy footprint; <see cref="Kind"/> is the metric config's <c>energy</c> flag (<c>power</c> or <c>energy</c>).</summary>
public sealed record EnergyMetric(string Name, string Kind);
