namespace Clusterdeck.Core.Metrics.Store;

/// <summary>The unit of line-protocol timestamps: InfluxDB's <c>?precision=</c>, or <see cref="Auto"/> to tell by magnitude.</summary>
public enum TimestampPrecision
{
    Auto,
    Seconds,
    Milliseconds,
    Microseconds,
    Nanoseconds,
}
