namespace Clusterdeck.Core.Jobs.Queries;

/// <summary>cc-backend's <c>Aggregate</c>: what job statistics are grouped by.</summary>
public enum StatisticsGrouping
{
    User,
    Project,
    Cluster,
    SubCluster,
}
