namespace Clusterdeck.Core.Jobs.Footprints;

/// <summary>What a subcluster's footprint and energy footprint consist of, in the order of its metric config.</summary>
public sealed record FootprintDefinition(IReadOnlyList<FootprintStatistic> Footprint, IReadOnlyList<EnergyMetric> Energy)
{
    public static FootprintDefinition Empty { get; } = new([], []);
}
