using System.Diagnostics;
using System.Globalization;
using System.Net;
using Clusterdeck.Core.Accounts;

namespace Clusterdeck.Bench;

/// <summary>
/// The job list page as a browser first gets it: <c>GET /jobs</c> from a real server process over a table of N synthetic jobs,
/// signed in through <c>/login</c>, timed until the whole server-rendered HTML (filter form and the first page of rows with
/// the total count) has arrived. One client, requests one after another, so each figure is one page's own latency.
/// </summary>
internal static class JobListPageBenchmark
{
    private const string PlainUser = "user000";
    private const string PlainPassword = "bench-password";

    public static async Task<int> RunAsync(BenchArguments options)
    {
        var seed = options.Int("--seed", 1_000_000, 1, 10_000_000);
        var runs = options.Int("--runs", 100, 50, 10_000);
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

        var arguments = settings.Select(s => "--" + s).ToList();
        await using var server = ServerProcess.Start(serverDll, data.Path, new Dictionary<string, string>(), arguments);
        using (var probe = new HttpClient())
        {
            await server.WaitUntilReadyAsync(probe, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(300));
        }

        // user000 runs the most jobs of the synthetic users: the heaviest list a plain user can have.
        await ClusterdeckCli.RunAsync(serverDll, ["user", "add", PlainUser, "--roles", "user", "--password", PlainPassword, "--data-dir", data.Path, .. arguments]);
        var adminPassword = (await File.ReadAllTextAsync(Path.Combine(data.Path, InitialAdminSeeder.PasswordFileName))).Trim();
        using var admin = await SignInAsync(server.BaseAddress, InitialAdminSeeder.Username, adminPassword);
        using var user = await SignInAsync(server.BaseAddress, PlainUser, PlainPassword);

        Console.WriteLine($"before: {MachineInfo.LoadAverage()}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GET over {seed:N0} jobs, 1 client, 3 warm-up requests each, {runs} measured"));
        await MeasureAsync(admin, "/jobs", "admin, all jobs, newest first, 25 per page, with total count", runs);
        await MeasureAsync(admin, "/jobs?cluster=fritz&state=completed&user=user001&sort=-fp.flops_any_avg", "admin, cluster + state + user, by footprint flops_any_avg", runs);
        await MeasureAsync(admin, "/jobs?cluster=fritz&state=completed&sort=-fp.flops_any_avg", "admin, cluster + state only, by footprint flops_any_avg: every match's JSON is read to sort", runs);
        await MeasureAsync(admin, "/jobs?cluster=fritz&nodes=2..8&duration=1h..&sort=-duration&perPage=100", "admin, fritz, 2..8 nodes, at least 1 h, longest first, 100 per page", runs);
        await MeasureAsync(user, "/jobs", $"{PlainUser} (role user), own jobs, newest first", runs);
        await MeasureAsync(user, "/jobs?sort=-fp.mem_used_max", $"{PlainUser}, own jobs by footprint mem_used_max", runs);
        Console.WriteLine($"after: {MachineInfo.LoadAverage()}");
        return 0;
    }

    private static async Task<HttpClient> SignInAsync(Uri baseAddress, string username, string password)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        using var response = await client.PostAsync("login", new FormUrlEncodedContent([new("username", username), new("password", password)]));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            client.Dispose();
            throw new BenchmarkFailedException($"login of {username} answered {(int)response.StatusCode}");
        }

        return client;
    }

    /// <summary>Times full responses; a page without its row count (an error message instead of the list) fails the benchmark.</summary>
    private static async Task MeasureAsync(HttpClient client, string path, string what, int runs)
    {
        string? rows = null;
        for (var i = 0; i < 3; i++)
        {
            rows = await GetPageAsync(client, path);
        }

        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await GetPageAsync(client, path);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"GET {path} ({what}; {rows}): p50 {Percentiles.Of(times, 50):F1} ms, p95 {Percentiles.Of(times, 95):F1} ms, max {times[^1]:F1} ms"));
    }

    private static async Task<string> GetPageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path.TrimStart('/'));
        var html = await response.Content.ReadAsStringAsync();
        const string marker = "data-testid=\"job-count\">";
        var at = html.IndexOf(marker, StringComparison.Ordinal);
        if (response.StatusCode != HttpStatusCode.OK || at < 0)
        {
            throw new BenchmarkFailedException($"GET {path} answered {(int)response.StatusCode} without the job list: {html[..Math.Min(html.Length, 400)]}");
        }

        var end = html.IndexOf('<', at);
        return html[(at + marker.Length)..end];
    }
}
