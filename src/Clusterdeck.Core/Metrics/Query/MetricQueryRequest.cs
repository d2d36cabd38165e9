using System.Text.Json.Serialization;

namespace Clusterdeck.Core.Metrics.Query;

/// <summary>
/// cc-metric-store's query request (<c>POST /api/query?version=v2</c>): one cluster, one time window, many queries.
/// Both the in-process store and an external cc-metric-store answer it, so one client serves both.
/// </summary>
public sealed record MetricQueryRequest
{
    [JsonPropertyName("cluster")]
    public string Cluster { get; init; } = "";

    [JsonPropertyName("queries")]
    public IReadOnlyList<MetricQuery> Queries { get; init; } = [];

    /// <summary>Metrics to read for every host of the cluster at node scope; their queries are appended and echoed in the response.</summary>
    [JsonPropertyName("for-all-nodes")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? ForAllNodes { get; init; }

    /// <summary>Unix seconds, inclusive.</summary>
    [JsonPropertyName("from")]
    public long From { get; init; }

    /// <summary>Unix seconds, exclusive.</summary>
    [JsonPropertyName("to")]
    public long To { get; init; }

    [JsonPropertyName("with-stats")]
    public bool WithStats { get; init; } = true;

    [JsonPropertyName("with-data")]
    public bool WithData { get; init; } = true;

    /// <summary>Pad the front of each series with nulls where the store has no data yet, so every series starts at <see cref="From"/>.</summary>
    [JsonPropertyName("with-padding")]
    public bool WithPadding { get; init; } = true;
}
