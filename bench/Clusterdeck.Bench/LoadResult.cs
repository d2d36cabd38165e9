using System.Globalization;
using System.Text;

namespace Clusterdeck.Bench;

/// <summary>What one HTTP load run measured inside its measurement window (warm-up excluded).</summary>
internal sealed record LoadResult(
    int Concurrency,
    TimeSpan Window,
    IReadOnlyList<double> SortedLatenciesMs,
    IReadOnlyDictionary<int, long> StatusCounts,
    long Errors,
    TimeSpan ServerCpu)
{
    public long Requests => SortedLatenciesMs.Count;

    public double RequestsPerSecond => Requests / Window.TotalSeconds;

    /// <summary>Server CPU per wall-clock second, in cores (2.0 = both cores of a 2-core machine busy).</summary>
    public double ServerCores => ServerCpu / Window;

    public bool OnlyStatus(int status) => Errors == 0 && StatusCounts.Count == 1 && StatusCounts.ContainsKey(status);

    public string ToMarkdown()
    {
        var invariant = CultureInfo.InvariantCulture;
        var statuses = string.Join(", ", StatusCounts.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));
        var text = new StringBuilder();
        text.AppendLine("| concurrency | window (s) | requests | req/s | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | status codes | errors | server CPU (cores) |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|");
        text.AppendLine(string.Create(invariant,
            $"| {Concurrency} | {Window.TotalSeconds:0.0} | {Requests} | {RequestsPerSecond:0.0} | {Percentiles.Of(SortedLatenciesMs, 50):0.00} | {Percentiles.Of(SortedLatenciesMs, 95):0.00} | {Percentiles.Of(SortedLatenciesMs, 99):0.00} | {Percentiles.Of(SortedLatenciesMs, 100):0.00} | {statuses} | {Errors} | {ServerCores:0.00} |"));
        return text.ToString();
    }
}
