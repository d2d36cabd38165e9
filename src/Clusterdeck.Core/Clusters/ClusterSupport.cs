namespace Clusterdeck.Core.Clusters;

/// <summary>A cluster and those of its subclusters that measure a metric.</summary>
public sealed record ClusterSupport(string Cluster, IReadOnlyList<string> SubClusters);
