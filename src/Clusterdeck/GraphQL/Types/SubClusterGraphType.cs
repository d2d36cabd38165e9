using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Clusters;
using Clusterdeck.GraphQL.Scalars;
using GraphQL;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

/// <summary>
/// cc-backend's <c>SubCluster</c>. Its <c>metricConfig</c> is the derived per-subcluster list (overrides applied,
/// removed metrics left out), without <c>restrict</c>ed metrics for callers whose only role is <c>user</c>.
/// </summary>
internal sealed class SubClusterGraphType : ObjectGraphType<ClusterPart>
{
    public SubClusterGraphType()
    {
        Name = "SubCluster";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.SubCluster.Name);
        Field<NonNullGraphType<StringGraphType>>("nodes").Resolve(c => c.Source.SubCluster.Nodes);
        Field<NonNullGraphType<GoIntGraphType>>("numberOfNodes").Resolve(c => NodeList.TryParse(c.Source.SubCluster.Nodes, out var nodes, out _) ? nodes!.Count : 0);
        Field<NonNullGraphType<StringGraphType>>("processorType").Resolve(c => c.Source.SubCluster.ProcessorType);
        Field<NonNullGraphType<GoIntGraphType>>("socketsPerNode").Resolve(c => c.Source.SubCluster.SocketsPerNode);
        Field<NonNullGraphType<GoIntGraphType>>("coresPerSocket").Resolve(c => c.Source.SubCluster.CoresPerSocket);
        Field<NonNullGraphType<GoIntGraphType>>("threadsPerCore").Resolve(c => c.Source.SubCluster.ThreadsPerCore);
        Field<NonNullGraphType<MetricValueGraphType>>("flopRateScalar").Resolve(c => c.Source.SubCluster.FlopRateScalar);
        Field<NonNullGraphType<MetricValueGraphType>>("flopRateSimd").Resolve(c => c.Source.SubCluster.FlopRateSimd);
        Field<NonNullGraphType<MetricValueGraphType>>("memoryBandwidth").Resolve(c => c.Source.SubCluster.MemoryBandwidth);
        Field<NonNullGraphType<TopologyGraphType>>("topology").Resolve(c => c.Source.SubCluster.Topology);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MetricConfigGraphType>>>>("metricConfig").Resolve(MetricConfig);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("footprint").Resolve(c => c.Source.SubCluster.Footprint ?? []);
    }

    private static IReadOnlyList<MetricConfig> MetricConfig(IResolveFieldContext<ClusterPart> context)
    {
        var restricted = !AccessRules.SeesRestrictedMetrics(context.Caller());
        return context.Service<IClusterCatalog>().MetricConfigFor(context.Source.Cluster, context.Source.SubCluster.Name, restricted);
    }
}
