namespace Clusterdeck.Core.Metrics.Sources;

/// <summary>A metric source could not be asked at all: it is down, refused the token, timed out or answered garbage.</summary>
public sealed class MetricSourceException : Exception
{
    public MetricSourceException()
    {
    }

    public MetricSourceException(string message)
        : base(message)
    {
    }

    public MetricSourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
