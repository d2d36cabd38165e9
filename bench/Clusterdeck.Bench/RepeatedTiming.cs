using System.Diagnostics;
using System.Globalization;

namespace Clusterdeck.Bench;

/// <summary>Times one in-process call many times and prints one line of percentiles (the in-process benchmarks' format).</summary>
internal static class RepeatedTiming
{
    /// <summary>One untimed warm-up call (caches, connection pool), then <paramref name="runs"/> timed calls.</summary>
    public static async Task MeasureAsync<T>(string what, int runs, Func<Task<T>> run)
    {
        await run();
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await run();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {runs} runs, p50 {Percentiles.Of(times, 50):F1} ms, p95 {Percentiles.Of(times, 95):F1} ms, p99 {Percentiles.Of(times, 99):F1} ms, max {times[^1]:F1} ms"));
    }
}
