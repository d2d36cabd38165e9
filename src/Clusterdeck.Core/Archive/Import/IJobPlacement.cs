using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Jobs.Footprints;

namespace Clusterdeck.Core.Archive.Import;

/// <summary>
/// Places a job in the cluster configuration: checks its cluster, keeps or assigns its subcluster
/// (from the first host's node list) and names the subcluster's footprint metrics. Implemented over the
/// cluster catalog; the importer stays independent of how clusters are loaded.
/// </summary>
public interface IJobPlacement
{
    /// <summary>False with a <paramref name="failure"/> (reason group, message) when the job fits no configured cluster or subcluster.</summary>
    bool TryPlace(Job job, out Job placed, out FootprintDefinition footprint, out ImportFailure failure);
}
