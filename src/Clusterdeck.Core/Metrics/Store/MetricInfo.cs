namespace Clusterdeck.Core.Metrics.Store;

/// <summary>How the store keeps a metric of a cluster: its timestep and how series below a host combine into one.</summary>
internal sealed record MetricInfo(string Name, int Timestep, bool Average);
