namespace Clusterdeck.Core.Metrics.Store;

/// <summary>Where accepted points go before they are applied and acknowledged (the checkpoints' write-ahead log).</summary>
internal interface IMetricWriteLog
{
    ValueTask AppendAsync(PointBatch batch, CancellationToken cancellationToken);
}
