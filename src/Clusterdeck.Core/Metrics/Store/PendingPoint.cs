namespace Clusterdeck.Core.Metrics.Store;

/// <summary>A parsed point waiting for its whole body to be accepted.</summary>
internal readonly record struct PendingPoint(StoredSeries Series, long Time, float Value);
