using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Clusterdeck.Bench;

/// <summary>
/// Time from starting <c>dotnet clusterdeck.dll serve</c> to the first 200 from <c>/readyz</c>, polled every
/// 5 ms. A first start gets an empty data directory each run (migrations, key generation, the admin's bcrypt);
/// a warm start reuses one that a previous start prepared. For scale, the same is timed for
/// <c>clusterdeck --version</c> to exit, which is the runtime and command-line start without the server.
/// </summary>
internal static class StartupBenchmark
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(1.5);

    public static async Task<int> RunAsync(BenchArguments options)
    {
        var runs = options.Int("--runs", 10, 1, 200);
        var serverDll = ClusterdeckCli.ResolveServerDll(options.String("--server"));
        var environment = ParseEnvironment(options.All("--env"));
        var trace = options.Flag("--trace");
        var traceLevel = options.String("--trace-level") ?? "Information";
        options.ThrowOnUnknown();

        Console.WriteLine(MachineInfo.Describe());
        Console.WriteLine($"before: {MachineInfo.LoadAverage()}");
        Console.WriteLine($"server: {serverDll}");
        Console.WriteLine($"environment: {(environment.Count == 0 ? "(none)" : string.Join(" ", environment.Select(e => $"{e.Key}={e.Value}")))}");

        using var probe = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(1) });
        await WarmUpProbeAsync(probe);

        if (trace)
        {
            await TraceAsync(serverDll, environment, probe, traceLevel);
            return 0;
        }

        // One untimed run of each kind first, so the files are in the page cache for every timed run alike.
        var baseline = await MeasureAsync(runs, () => TimeVersionAsync(serverDll, environment));
        var first = await MeasureAsync(runs, async () =>
        {
            using var data = new TempDirectory();
            return await TimeStartAsync(serverDll, data.Path, environment, probe);
        });

        using var warmData = new TempDirectory();
        await TimeStartAsync(serverDll, warmData.Path, environment, probe);
        var warm = await MeasureAsync(runs, () => TimeStartAsync(serverDll, warmData.Path, environment, probe));

        var table = new StringBuilder();
        table.AppendLine("| start | runs | min (ms) | median (ms) | p90 (ms) | max (ms) | target 1500 ms |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        AppendRow(table, "first (empty data dir)", first, withTarget: true);
        AppendRow(table, "warm (existing data dir)", warm, withTarget: true);
        AppendRow(table, "baseline: `clusterdeck --version` to exit", baseline, withTarget: false);
        Console.WriteLine(table);
        Console.WriteLine($"after: {MachineInfo.LoadAverage()}");
        return 0;
    }

    private static async Task<List<double>> MeasureAsync(int runs, Func<Task<TimeSpan>> run)
    {
        await run();
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            times.Add((await run()).TotalMilliseconds);
        }

        times.Sort();
        return times;
    }

    private static async Task<TimeSpan> TimeStartAsync(string serverDll, string dataDirectory, IReadOnlyDictionary<string, string> environment, HttpClient probe)
    {
        await using var server = ServerProcess.Start(serverDll, dataDirectory, environment, []);
        return await server.WaitUntilReadyAsync(probe, PollInterval, ReadyTimeout);
    }

    private static async Task<TimeSpan> TimeVersionAsync(string serverDll, IReadOnlyDictionary<string, string> environment)
    {
        var start = ClusterdeckCli.CreateStartInfo(serverDll, ["--version"]);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new BenchmarkFailedException("could not start clusterdeck --version");
        using var timeout = new CancellationTokenSource(ReadyTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        var elapsed = clock.Elapsed;
        await Task.WhenAll(output, error);
        return process.ExitCode == 0 ? elapsed : throw new BenchmarkFailedException($"clusterdeck --version exited with {process.ExitCode}: {await error}");
    }

    /// <summary>
    /// One first and one warm start with all logs at <paramref name="level"/>, each output line printed with the
    /// time it arrived after process start, to see where the time goes. Logging this much slows the start a little.
    /// </summary>
    private static async Task TraceAsync(string serverDll, IReadOnlyDictionary<string, string> environment, HttpClient probe, string level)
    {
        string[] verbose = [$"--Logging:LogLevel:Default={level}", $"--Logging:LogLevel:Microsoft={level}", $"--Logging:LogLevel:Microsoft.Hosting.Lifetime={level}"];
        using var data = new TempDirectory();
        foreach (var kind in new[] { "first", "warm" })
        {
            await using var server = ServerProcess.Start(serverDll, data.Path, environment, verbose);
            var ready = await server.WaitUntilReadyAsync(probe, PollInterval, ReadyTimeout);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"--- {kind} start: process started {server.StartedAtUtc:HH:mm:ss.fff}Z, /readyz 200 after {ready.TotalMilliseconds:0} ms"));
            foreach (var line in server.Output)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{line.At.TotalMilliseconds,7:0} ms  {line.Text}"));
            }
        }
    }

    /// <summary>The probe's own first request pays its JIT and connection setup before any start is timed.</summary>
    private static async Task WarmUpProbeAsync(HttpClient probe)
    {
        try
        {
            using var response = await probe.GetAsync(new Uri("http://127.0.0.1:9/readyz"));
        }
        catch (HttpRequestException)
        {
            // Expected: nothing listens on the discard port.
        }
        catch (TaskCanceledException)
        {
        }
    }

    private static void AppendRow(StringBuilder table, string name, List<double> sorted, bool withTarget)
    {
        var median = Percentiles.Of(sorted, 50);
        var p90 = Percentiles.Of(sorted, 90);
        var verdict = !withTarget ? "-"
            : p90 <= Target.TotalMilliseconds ? "met (p90)"
            : string.Create(CultureInfo.InvariantCulture, $"missed: p90 {p90 - Target.TotalMilliseconds:0} ms over");
        table.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {sorted.Count} | {sorted[0]:0} | {median:0} | {p90:0} | {sorted[^1]:0} | {verdict} |"));
    }

    private static Dictionary<string, string> ParseEnvironment(IReadOnlyList<string> assignments)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assignment in assignments)
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new BenchmarkFailedException($"--env takes NAME=VALUE, not '{assignment}'");
            }

            environment[assignment[..equals]] = assignment[(equals + 1)..];
        }

        return environment;
    }
}
