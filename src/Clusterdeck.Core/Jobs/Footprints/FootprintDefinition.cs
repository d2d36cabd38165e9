using Clusterdeck.Core.Clusters;

namespace Clusterdeck.Core.Jobs.Footprints;

/// <summary>What a subcluster's footprint (keys and statistics as the cluster catalog derives them) and energy footprint consist of, in metric-config order.</summary>
public sealed record FootprintDefinition(IReadOnlyList<FootprintMetric> Footprint, IReadOnlyList<EnergyMetric> Energy);
