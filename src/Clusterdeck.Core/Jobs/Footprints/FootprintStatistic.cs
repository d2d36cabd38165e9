namespace Clusterdeck.Core.Jobs.Footprints;

/// <summary>A metric in a subcluster's footprint and the statistic (<c>avg</c>, <c>min</c> or <c>max</c>) that represents it.</summary>
public sealed record FootprintStatistic(string Name, string Statistic);
