using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Clusterdeck.Bench;

/// <summary>
/// cc-backend's <c>POST /api/jobs/start_job/</c> from many clients into a job table that already holds
/// <c>--seed</c> jobs (SQLite by default), every request a new job; then the same load on an empty Kestrel
/// endpoint in the same run, for the ratio; then a check that jobs are listed the moment their 201 arrives.
/// </summary>
internal static class StartJobLoad
{
    private const long FirstJobId = 900_000_000;
    private const long FirstStartTime = 1_800_000_000;
    private const int VisibilityChecks = 200;

    public static async Task<int> RunAsync(BenchArguments options)
    {
        var seconds = options.Int("--seconds", 20, 1, 300);
        var warmup = options.Int("--warmup", 3, 0, 60);
        var seed = options.Int("--seed", 1_000_000, 0, 10_000_000);
        var concurrency = options.Int("--concurrency", 32, 1, 256);
        var serverDll = ClusterdeckCli.ResolveServerDll(options.String("--server"));
        var settings = options.All("--setting");
        options.ThrowOnUnknown();

        Console.WriteLine(MachineInfo.Describe());
        using var data = new TempDirectory();
        JobSeeder.PrepareArchive(data.Path);
        await using (var host = await BenchHost.StartAsync(data.Path, settings))
        {
            await JobSeeder.SeedAsync(host.Services, seed);
        }

        var token = "";
        long next = 0;
        HttpRequestMessage NewStart()
        {
            var n = Interlocked.Increment(ref next);
            var request = new HttpRequestMessage(HttpMethod.Post, "api/jobs/start_job/") { Content = new StringContent(StartBody(n), Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Auth-Token", token);
            return request;
        }

        Console.WriteLine($"before: {MachineInfo.LoadAverage()}");
        LoadResult clusterdeck;
        await using (var server = ServerProcess.Start(serverDll, data.Path, new Dictionary<string, string>(), settings.Select(s => "--" + s)))
        {
            using var probe = new HttpClient();
            await server.WaitUntilReadyAsync(probe, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(120));
            // The server creates the initial admin on its first start.
            token = await ClusterdeckCli.AdminTokenAsync(serverDll, data.Path, settings.Select(s => "--" + s));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"POST /api/jobs/start_job/ into {seed:N0} jobs, {concurrency} clients, {warmup} s warm-up, {seconds} s measured"));
            clusterdeck = await HttpLoad.RunAsync(server, concurrency, TimeSpan.FromSeconds(warmup), TimeSpan.FromSeconds(seconds), NewStart);
            Console.WriteLine(clusterdeck.ToMarkdown());
            if (!clusterdeck.OnlyStatus(201))
            {
                Console.Error.WriteLine($"not every start_job answered 201:{Environment.NewLine}{server.OutputTail(10)}");
                return 1;
            }

            var invisible = await CheckVisibilityAsync(server.BaseAddress, token, Interlocked.Add(ref next, VisibilityChecks) - VisibilityChecks);
            Console.WriteLine($"visibility: {VisibilityChecks - invisible} of {VisibilityChecks} jobs listed by GET /api/jobs/ right after their 201");
            if (invisible != 0)
            {
                return 1;
            }
        }

        var benchDll = typeof(EmptyServer).Assembly.Location;
        await using (var empty = ServerProcess.Start(benchDll, data.Path, new Dictionary<string, string>(), []))
        {
            using var probe = new HttpClient();
            await empty.WaitUntilReadyAsync(probe, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(60));
            Console.WriteLine("the same load on an empty Kestrel endpoint (answers 201 without reading the body)");
            var baseline = await HttpLoad.RunAsync(empty, concurrency, TimeSpan.FromSeconds(warmup), TimeSpan.FromSeconds(seconds), NewStart);
            Console.WriteLine(baseline.ToMarkdown());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratio: start_job reaches {clusterdeck.RequestsPerSecond / baseline.RequestsPerSecond:P1} of the empty endpoint's requests/s"));
        }

        Console.WriteLine($"after: {MachineInfo.LoadAverage()}");
        return 0;
    }

    /// <summary>Starts jobs one by one and lists each right after its 201 (by its unique start time); returns how many were missing.</summary>
    private static async Task<int> CheckVisibilityAsync(Uri server, string token, long firstIndex)
    {
        using var client = new HttpClient { BaseAddress = server };
        client.DefaultRequestHeaders.Add("X-Auth-Token", token);
        var missing = 0;
        for (var i = firstIndex + 1; i <= firstIndex + VisibilityChecks; i++)
        {
            using var start = await client.PostAsync("api/jobs/start_job/", new StringContent(StartBody(i), Encoding.UTF8, "application/json"));
            if (start.StatusCode != HttpStatusCode.Created)
            {
                throw new BenchmarkFailedException($"start_job answered {(int)start.StatusCode} during the visibility check");
            }

            var startTime = FirstStartTime + i;
            var list = await client.GetStringAsync($"api/jobs/?cluster=fritz&start-time={startTime}-{startTime}");
            using var json = JsonDocument.Parse(list);
            if (!json.RootElement.GetProperty("jobs").EnumerateArray().Any(j => j.GetProperty("jobId").GetInt64() == FirstJobId + i))
            {
                missing++;
            }
        }

        return missing;
    }

    private static string StartBody(long n) => string.Create(CultureInfo.InvariantCulture, $$"""
        {"jobId": {{FirstJobId + n}}, "user": "{{SyntheticJobs.UserName((int)(n % SyntheticJobs.Users))}}", "project": "{{SyntheticJobs.ProjectOf((int)(n % SyntheticJobs.Users))}}",
         "cluster": "fritz", "partition": "singlenode", "walltime": 86400, "numNodes": 1, "numHwthreads": 72, "smt": 1,
         "resources": [{"hostname": "f0101"}], "metaData": {"jobName": "bench-{{n}}"}, "startTime": {{FirstStartTime + n}}}
        """);
}
