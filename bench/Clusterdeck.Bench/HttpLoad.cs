using System.Diagnostics;

namespace Clusterdeck.Bench;

/// <summary>
/// A closed-loop HTTP load: <c>concurrency</c> clients, each with its own connection, no cookie jar and no
/// redirect following, send one request after another for a warm-up and then a measurement window. Only
/// requests that start and finish inside the window count. The run stops by itself at the end of the window
/// or after <see cref="MaxRequests"/>, whichever comes first.
/// </summary>
internal static class HttpLoad
{
    public const long MaxRequests = 5_000_000;

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static async Task<LoadResult> RunAsync(
        ServerProcess server, int concurrency, TimeSpan warmup, TimeSpan window, Func<HttpRequestMessage> createRequest)
    {
        if (!server.BaseAddress.IsLoopback)
        {
            throw new BenchmarkFailedException($"refusing to load {server.BaseAddress}: only loopback servers are benchmarked");
        }

        var clock = Stopwatch.StartNew();
        var windowStart = warmup;
        var windowEnd = warmup + window;
        using var stop = new CancellationTokenSource(windowEnd + RequestTimeout);
        long sent = 0;
        var cpuAtWindowStart = TimeSpan.Zero;
        var cpuSampler = Task.Run(async () =>
        {
            await Task.Delay(windowStart, stop.Token);
            cpuAtWindowStart = server.CpuTime;
            await Task.Delay(Max(windowEnd - clock.Elapsed, TimeSpan.Zero), stop.Token);
            return server.CpuTime - cpuAtWindowStart;
        });

        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            using var handler = new SocketsHttpHandler
            {
                UseCookies = false,
                AllowAutoRedirect = false,
                MaxConnectionsPerServer = 1,
                ConnectTimeout = TimeSpan.FromSeconds(5),
            };
            using var client = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = RequestTimeout };
            var sample = new WorkerSample();
            while (clock.Elapsed < windowEnd && Interlocked.Increment(ref sent) <= MaxRequests)
            {
                using var request = createRequest();
                var started = clock.Elapsed;
                int? status = null;
                try
                {
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, stop.Token);
                    status = (int)response.StatusCode;
                }
                catch (HttpRequestException)
                {
                }
                catch (OperationCanceledException)
                {
                    // A timeout: the client's own, or the run's hard stop.
                }

                var finished = clock.Elapsed;
                if (started >= windowStart && finished <= windowEnd)
                {
                    sample.Add(status, (finished - started).TotalMilliseconds);
                }
            }

            return sample;
        })).ToList();

        var samples = await Task.WhenAll(workers);
        var serverCpu = await cpuSampler;
        var latencies = samples.SelectMany(s => s.LatenciesMs).Order().ToList();
        var statuses = samples.SelectMany(s => s.StatusCounts)
            .GroupBy(pair => pair.Key)
            .ToDictionary(group => group.Key, group => group.Sum(pair => pair.Value));
        return new LoadResult(concurrency, window, latencies, statuses, samples.Sum(s => s.Errors), serverCpu);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
