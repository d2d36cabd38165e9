using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Jobs;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

/// <summary>cc-backend's <c>Cluster</c>, from the archive's <c>cluster.json</c>.</summary>
internal sealed class ClusterGraphType : ObjectGraphType<Cluster>
{
    public ClusterGraphType()
    {
        Name = "Cluster";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("partitions")
            .ResolveAsync(async c => await c.Service<JobQueryService>().PartitionsAsync(c.Source.Name, c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SubClusterGraphType>>>>("subClusters").Resolve(c => c.Source.SubClusters.Select(s => new ClusterPart(c.Source.Name, s)).ToList());
    }
}
