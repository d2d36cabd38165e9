using Clusterdeck.Core.Clusters;

namespace Clusterdeck.GraphQL.Types;

/// <summary>A subcluster with the name of its cluster, which its derived lists are looked up by.</summary>
internal sealed record ClusterPart(string Cluster, SubCluster SubCluster);
