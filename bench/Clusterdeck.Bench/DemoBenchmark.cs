using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Clusterdeck.Bench;

/// <summary>
/// <c>clusterdeck demo</c> end to end, as a user runs it: from starting the process on an empty data directory to
/// its "ready" line with the URL and login (the synthetic jobs are in the table and the archive by then), then the
/// job list's first page with its total count through GraphQL (to check the jobs are listed), the orderly stop
/// (SIGINT), and a second start on the same directory, which reuses the data.
/// </summary>
internal static class DemoBenchmark
{
    private const string ReadyLine = "Clusterdeck demo ready";

    /// <summary>Printed on a first start once the server listens; the job list fills from then on.</summary>
    private const string ServingLine = "Serving at ";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(BenchArguments options)
    {
        var jobs = options.Int("--jobs", 20_000, 0, 1_000_000);
        var runs = options.Int("--runs", 1, 1, 20);
        var serverDll = ClusterdeckCli.ResolveServerDll(options.String("--server"));
        options.ThrowOnUnknown();

        Console.WriteLine(MachineInfo.Describe());
        Console.WriteLine($"server: {serverDll}");
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"| run | first start to serving (s) | first start to ready (s) | jobs listed | list page + count (ms) | stop (s) | second start to ready (s) | target {Target.TotalSeconds:0} s | load before |");
        table.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---|---|");
        for (var run = 1; run <= runs; run++)
        {
            var load = MachineInfo.LoadAverage();
            using var data = new TempDirectory();
            var (serving, ready, listed, listMs, stop) = await FirstStartAsync(serverDll, data.Path, jobs);
            var (_, second, _, _, _) = await FirstStartAsync(serverDll, data.Path, jobs, listJobs: false);
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {run} | {serving.TotalSeconds:F1} | {ready.TotalSeconds:F1} | {listed:N0} | {listMs:F0} | {stop.TotalSeconds:F1} | {second.TotalSeconds:F1} | {(ready <= Target && listed >= jobs ? "met" : "**missed**")} | {load} |");
        }

        Console.WriteLine(table);
        Console.WriteLine($"after: {MachineInfo.LoadAverage()}");
        return 0;
    }

    private static async Task<(TimeSpan Serving, TimeSpan Ready, long Listed, double ListMs, TimeSpan Stop)> FirstStartAsync(string serverDll, string dataDirectory, int jobs, bool listJobs = true)
    {
        var port = FreePort();
        var start = ClusterdeckCli.CreateStartInfo(serverDll,
            ["demo", "--data-dir", dataDirectory, "--urls", $"http://127.0.0.1:{port}", "--jobs", jobs.ToString(CultureInfo.InvariantCulture)]);
        using var process = new Process { StartInfo = start };
        var output = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var serving = TimeSpan.Zero;
        try
        {
            while (!output.Any(l => l.Contains(ReadyLine, StringComparison.Ordinal)))
            {
                if (serving == TimeSpan.Zero && output.Any(l => l.StartsWith(ServingLine, StringComparison.Ordinal)))
                {
                    serving = clock.Elapsed;
                }

                if (process.HasExited || clock.Elapsed > Timeout)
                {
                    throw new BenchmarkFailedException($"the demo did not get ready:{Environment.NewLine}{string.Join(Environment.NewLine, output)}");
                }

                await Task.Delay(20);
            }

            var ready = clock.Elapsed;
            serving = serving == TimeSpan.Zero ? ready : serving;
            foreach (var line in output.Where(l => l.StartsWith("Generated", StringComparison.Ordinal) || l.StartsWith("Reusing", StringComparison.Ordinal)))
            {
                Console.WriteLine($"  {line}");
            }

            long listed = 0;
            double listMs = 0;
            if (listJobs)
            {
                (listed, listMs) = await ListJobsAsync(serverDll, dataDirectory, new Uri($"http://127.0.0.1:{port}/"));
            }

            var stopping = Stopwatch.StartNew();
            using (var interrupt = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync();
            }

            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(deadline.Token);
            return (serving, ready, listed, listMs, stopping.Elapsed);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    /// <summary>The jobs' total count and the time of one GraphQL request for the first page of 25 with its count.</summary>
    private static async Task<(long Count, double Milliseconds)> ListJobsAsync(string serverDll, string dataDirectory, Uri baseAddress)
    {
        var token = (await ClusterdeckCli.RunAsync(serverDll, "token", "demo", "--data-dir", dataDirectory)).Trim().Split('\n')[^1];
        using var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var body = new JsonObject
        {
            ["query"] = "query { jobs(filter: [{cluster: {eq: \"demo\"}}], page: {itemsPerPage: 25, page: 1}, order: {field: \"startTime\", type: \"col\", order: DESC}) { count items { id jobId } } }",
        };
        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsJsonAsync("query", body);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode || !answer.TryGetProperty("data", out var data))
        {
            throw new BenchmarkFailedException($"the job list failed: {(int)response.StatusCode} {answer}");
        }

        return (data.GetProperty("jobs").GetProperty("count").GetInt64(), elapsed);
    }

    private static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
