using Clusterdeck.Core.Clusters;

namespace Clusterdeck.Http;

/// <summary>The body of cc-backend's <c>GET /api/clusters/</c>.</summary>
internal sealed record CcClusters(IReadOnlyList<Cluster> Clusters);
