namespace Clusterdeck.Bench;

/// <summary>One load client's measurements; owned by that client alone, merged after the run.</summary>
internal sealed class WorkerSample
{
    public List<double> LatenciesMs { get; } = [];

    public Dictionary<int, long> StatusCounts { get; } = [];

    /// <summary>Requests that got no HTTP response (connection error or timeout). Their time is not in the latencies.</summary>
    public long Errors { get; private set; }

    public void Add(int? status, double latencyMs)
    {
        if (status is not { } code)
        {
            Errors++;
            return;
        }

        LatenciesMs.Add(latencyMs);
        StatusCounts[code] = StatusCounts.GetValueOrDefault(code) + 1;
    }
}
