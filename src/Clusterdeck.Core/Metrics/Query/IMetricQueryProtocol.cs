namespace Clusterdeck.Core.Metrics.Query;

/// <summary>
/// Something that answers cc-metric-store's query protocol: the in-process metric store, or an external
/// cc-metric-store (or another Clusterdeck) over HTTP. A query naming an unknown host, metric or scope id yields a
/// result with <see cref="MetricQueryResult.Error"/>, not an exception; exceptions mean the whole request failed.
/// </summary>
public interface IMetricQueryProtocol
{
    Task<MetricQueryResponse> QueryAsync(MetricQueryRequest request, CancellationToken cancellationToken);
}
