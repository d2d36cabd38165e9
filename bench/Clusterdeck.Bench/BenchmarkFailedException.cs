namespace Clusterdeck.Bench;

/// <summary>A benchmark could not produce a valid result (server did not start, wrong status codes, ...).</summary>
internal sealed class BenchmarkFailedException : Exception
{
    public BenchmarkFailedException()
    {
    }

    public BenchmarkFailedException(string message)
        : base(message)
    {
    }

    public BenchmarkFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
