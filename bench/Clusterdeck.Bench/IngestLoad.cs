using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Clusterdeck.Bench;

/// <summary>
/// <c>POST /api/write</c> from many clients, each body a realistic cc-metric-collector batch of fritz nodes (node,
/// socket and hwthread metrics, nanosecond timestamps), against a real <c>clusterdeck serve</c>; reports points/s.
/// Runs with checkpoints off, then (unless --no-checkpoints) with checkpoints on.
/// </summary>
internal static class IngestLoad
{
    private const int HwThreads = 72;
    private const int Sockets = 2;

    private static readonly string[] NodeMetrics = ["cpu_load", "mem_used", "ib_recv", "ib_xmit", "ib_recv_pkts", "ib_xmit_pkts", "nfs4_read", "nfs4_write", "nfs4_total"];
    private static readonly string[] SocketMetrics = ["mem_bw", "cpu_power", "mem_power"];
    private static readonly string[] HwThreadMetrics = ["cpu_user", "flops_any", "flops_sp", "flops_dp", "clock", "ipc", "vectorization_ratio"];

    public static async Task<int> RunAsync(BenchArguments options)
    {
        var seconds = options.Int("--seconds", 15, 1, 300);
        var warmup = options.Int("--warmup", 3, 0, 60);
        var concurrency = options.Int("--concurrency", 8, 1, 256);
        var nodesPerBody = options.Int("--nodes-per-body", 4, 1, 100);
        var bodies = options.Int("--bodies", 256, 1, 10_000);
        var withCheckpoints = !options.Flag("--no-checkpoints");
        var serverDll = ClusterdeckCli.ResolveServerDll(options.String("--server"));
        var settings = options.All("--setting");
        options.ThrowOnUnknown();

        Console.WriteLine(MachineInfo.Describe());
        var (payloads, linesPerBody) = Bodies(bodies, nodesPerBody);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{payloads.Count} distinct bodies of {linesPerBody:N0} lines ({payloads[0].Length / 1024.0:0} KiB) each: {nodesPerBody} fritz nodes × ({NodeMetrics.Length} node + {SocketMetrics.Length}×{Sockets} socket + {HwThreadMetrics.Length}×{HwThreads} hwthread metrics)"));

        var failed = false;
        foreach (var checkpoints in withCheckpoints ? new[] { false, true } : [false])
        {
            using var data = new TempDirectory();
            JobSeeder.PrepareArchive(data.Path);
            string[] runSettings = [.. settings, $"MetricStore:Checkpoints:Enabled={checkpoints}"];
            Console.WriteLine($"before: {MachineInfo.LoadAverage()}");
            await using var server = ServerProcess.Start(serverDll, data.Path, new Dictionary<string, string>(), runSettings.Select(s => "--" + s));
            using var probe = new HttpClient();
            await server.WaitUntilReadyAsync(probe, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(120));
            var token = await ClusterdeckCli.AdminTokenAsync(serverDll, data.Path, runSettings.Select(s => "--" + s));
            long next = 0;
            HttpRequestMessage NewWrite()
            {
                var body = payloads[(int)(Interlocked.Increment(ref next) % payloads.Count)];
                var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
                var request = new HttpRequestMessage(HttpMethod.Post, "api/write?cluster=fritz") { Content = content };
                request.Headers.Add("X-Auth-Token", token);
                return request;
            }

            await PrimeAsync(server, token, payloads, linesPerBody, concurrency);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"POST /api/write, checkpoints {(checkpoints ? "on" : "off")}, {concurrency} clients, {warmup} s warm-up, {seconds} s measured"));
            var result = await HttpLoad.RunAsync(server, concurrency, TimeSpan.FromSeconds(warmup), TimeSpan.FromSeconds(seconds), NewWrite);
            Console.WriteLine(result.ToMarkdown());
            var ok = result.StatusCounts.GetValueOrDefault(200);
            var pointsPerSecond = ok * (double)linesPerBody / result.Window.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ingest (checkpoints {(checkpoints ? "on" : "off")}): {pointsPerSecond:N0} points/s ({ok:N0} bodies × {linesPerBody:N0} lines in {result.Window.TotalSeconds:0} s; target ≥ 1,000,000)"));
            if (!result.OnlyStatus(200))
            {
                Console.Error.WriteLine($"not every write answered 200:{Environment.NewLine}{server.OutputTail(10)}");
                failed = true;
            }
        }

        return failed ? 1 : 0;
    }

    /// <summary>
    /// Sends every distinct body once, so that the measured window sees the steady state of a running cluster (every
    /// series known, samples landing in existing chunks) and not the one-off creation of half a million series.
    /// </summary>
    private static async Task PrimeAsync(ServerProcess server, string token, List<byte[]> payloads, int linesPerBody, int concurrency)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cpuBefore = server.CpuTime;
        var next = -1;
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
            client.DefaultRequestHeaders.Add("X-Auth-Token", token);
            int index;
            while ((index = Interlocked.Increment(ref next)) < payloads.Count)
            {
                using var content = new ByteArrayContent(payloads[index]);
                using var response = await client.PostAsync(new Uri("api/write?cluster=fritz", UriKind.Relative), content);
                if (!response.IsSuccessStatusCode)
                {
                    throw new BenchmarkFailedException($"priming write answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
        }));
        await Task.WhenAll(workers);
        var series = (long)payloads.Count * linesPerBody;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"primed: {series:N0} points creating their series in {clock.Elapsed.TotalSeconds:0.0} s ({series / clock.Elapsed.TotalSeconds:N0} points/s, server CPU {(server.CpuTime - cpuBefore).TotalSeconds:0.0} s)"));
    }

    /// <summary>Bodies for consecutive minutes ending now, each holding <paramref name="nodesPerBody"/> nodes' samples of one minute.</summary>
    private static (List<byte[]> Bodies, int Lines) Bodies(int count, int nodesPerBody)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60 * 60;
        var random = new Random(4);
        var bodies = new List<byte[]>(count);
        var lines = 0;
        var nodes = 88 * 10;
        for (var b = 0; b < count; b++)
        {
            var text = new StringBuilder(nodesPerBody * 600 * 100);
            lines = 0;
            var minute = b / Math.Max(1, nodes / nodesPerBody);
            var timestamp = (now - (minute * 60)) * 1_000_000_000L;
            for (var n = 0; n < nodesPerBody; n++)
            {
                var index = ((b * nodesPerBody) + n) % nodes;
                var host = $"f{(index / 88) + 1:D2}{(index % 88) + 1:D2}";
                foreach (var metric in NodeMetrics)
                {
                    Line(text, metric, host, null, 0, random.NextDouble() * 100, timestamp);
                    lines++;
                }

                for (var socket = 0; socket < Sockets; socket++)
                {
                    foreach (var metric in SocketMetrics)
                    {
                        Line(text, metric, host, "socket", socket, random.NextDouble() * 300, timestamp);
                        lines++;
                    }
                }

                for (var thread = 0; thread < HwThreads; thread++)
                {
                    foreach (var metric in HwThreadMetrics)
                    {
                        Line(text, metric, host, "hwthread", thread, random.NextDouble() * 1000, timestamp);
                        lines++;
                    }
                }
            }

            bodies.Add(Encoding.UTF8.GetBytes(text.ToString()));
        }

        return (bodies, lines);
    }

    private static void Line(StringBuilder text, string metric, string host, string? type, int id, double value, long timestamp)
    {
        var invariant = CultureInfo.InvariantCulture;
        text.Append(metric).Append(",cluster=fritz,hostname=").Append(host);
        text.Append(type is null ? ",type=node" : string.Create(invariant, $",type={type},type-id={id}"));
        text.Append(string.Create(invariant, $" value={value:0.###} {timestamp}\n"));
    }
}
