using Clusterdeck.Core.Jobs.Queries;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

/// <summary>cc-backend's <c>Aggregate</c>: what <c>jobsStatistics</c> groups by.</summary>
internal sealed class AggregateGraphType : EnumerationGraphType
{
    public AggregateGraphType()
    {
        Name = "Aggregate";
        Add("USER", StatisticsGrouping.User);
        Add("PROJECT", StatisticsGrouping.Project);
        Add("CLUSTER", StatisticsGrouping.Cluster);
        Add("SUBCLUSTER", StatisticsGrouping.SubCluster);
    }
}
