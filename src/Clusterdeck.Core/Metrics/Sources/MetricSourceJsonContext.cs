using System.Text.Json.Serialization;
using Clusterdeck.Core.Metrics.Query;

namespace Clusterdeck.Core.Metrics.Sources;

/// <summary>The wire types of the external sources: cc-metric-store's query protocol, its error body and Prometheus' answers.</summary>
[JsonSerializable(typeof(MetricQueryRequest))]
[JsonSerializable(typeof(MetricQueryResponse))]
[JsonSerializable(typeof(RemoteError))]
[JsonSerializable(typeof(PrometheusResponse))]
internal sealed partial class MetricSourceJsonContext : JsonSerializerContext;
