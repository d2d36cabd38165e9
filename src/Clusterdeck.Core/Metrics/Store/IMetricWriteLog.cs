namespace Clusterdeck.Core.Metrics.Store;

/// <summary>Where accepted points go before they are applied and acknowledged (the checkpoints' write-ahead log).</summary>
internal interface IMetricWriteLog
{
    /// <summary>
    /// Appends the batch to the log and then applies it with <paramref name="apply"/>; a snapshot never falls between
    /// the two, so every logged point is either in the snapshot or in a log file the snapshot keeps.
    /// </summary>
    void Write(PointBatch batch, Action<PointBatch> apply);
}
