using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

internal sealed class NodeMetricsGraphType : ObjectGraphType<NodeMetrics>
{
    public NodeMetricsGraphType()
    {
        Name = "NodeMetrics";
        Field<NonNullGraphType<StringGraphType>>("host").Resolve(c => c.Source.Host);
        Field<NonNullGraphType<StringGraphType>>("nodeState").Resolve(c => c.Source.NodeState);
        Field<NonNullGraphType<StringGraphType>>("metricHealth").Resolve(c => c.Source.MetricHealth);
        Field<NonNullGraphType<StringGraphType>>("subCluster").Resolve(c => c.Source.SubCluster);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<JobMetricWithNameGraphType>>>>("metrics").Resolve(c => c.Source.Metrics);
    }
}
