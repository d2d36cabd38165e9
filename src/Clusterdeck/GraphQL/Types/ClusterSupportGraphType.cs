using Clusterdeck.Core.Clusters;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

internal sealed class ClusterSupportGraphType : ObjectGraphType<ClusterSupport>
{
    public ClusterSupportGraphType()
    {
        Name = "ClusterSupport";
        Field<NonNullGraphType<StringGraphType>>("cluster").Resolve(c => c.Source.Cluster);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("subClusters").Resolve(c => c.Source.SubClusters);
    }
}
