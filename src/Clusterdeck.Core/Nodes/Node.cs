namespace Clusterdeck.Core.Nodes;

/// <summary>A node known from the batch system's reports, with its current state (cc-backend's GraphQL <c>Node</c>).</summary>
public sealed record Node
{
    public long Id { get; init; }
    public string Hostname { get; init; } = "";
    public string Cluster { get; init; } = "";
    public string SubCluster { get; init; } = "";

    /// <summary>Free-form labels (cc-backend's <c>meta_data</c>); null when none were set.</summary>
    public IReadOnlyDictionary<string, string>? MetaData { get; init; }

    public NodeStateRecord State { get; init; } = new();
}
