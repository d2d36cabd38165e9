using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Cli;

/// <summary>
/// <c>clusterdeck demo</c> run for real, as its own process (it waits for Ctrl-C and runs child processes), with a small
/// <c>--jobs</c>: the cluster from this machine, the synthetic jobs in the table and the archive, the live jobs with
/// their processes, the orderly stop, and a second run after a crash.
/// </summary>
public sealed class DemoCommandTests : IDisposable
{
    private const int Jobs = 300;

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("clusterdeck-demo-");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string ArchiveRoot => Path.Combine(_data.FullName, "job-archive");

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    public async Task Demo_FirstRun_ClusterJobsArchiveLiveJobsAndOrderlyStop()
    {
        await using var demo = await DemoProcess.StartAsync(_data.FullName, "--jobs", Jobs.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // The cluster: this machine and the synthetic nodes, as the server's catalog reads it.
        var cluster = ClusterCatalog.Load(ArchiveRoot).Find("demo")!;
        Assert.Equal(["live", "main"], cluster.SubClusters.Select(s => s.Name).ToArray());
        Assert.Equal(Environment.ProcessorCount, cluster.SubClusters[0].Topology.Node.Count);
        Assert.Equal("node[001-128]", cluster.SubClusters[1].Nodes);

        // The archive: one directory per synthetic job, files the reference schemas accept.
        var metaFiles = Directory.GetFiles(Path.Combine(ArchiveRoot, "demo"), "meta.json", SearchOption.AllDirectories);
        Assert.Equal(Jobs, metaFiles.Length);
        var metaSchema = await ArchiveSchemas.Meta;
        var dataSchema = await ArchiveSchemas.Data;
        foreach (var meta in metaFiles.Take(10))
        {
            Assert.Empty(ArchiveSchemas.Violations(metaSchema, await File.ReadAllTextAsync(meta, Token)));
            // The schema requires a 'filesystems' entry that no collector of ours (nor the reference jobs) has.
            Assert.All(ArchiveSchemas.Violations(dataSchema, await ReadDataAsync(Path.GetDirectoryName(meta)!)), v => Assert.Contains("filesystems", v, StringComparison.Ordinal));
        }

        // The job table, through the job API: the synthetic jobs and the live ones.
        using var api = await ApiClientAsync(demo);
        var all = await ListJobsAsync(api, "cluster=demo&items-per-page=1000");
        Assert.Equal(Jobs, all.Count(j => j.GetProperty("jobState").GetString() != "running"));
        var running = await ListJobsAsync(api, "state=running&with-metadata=true");
        Assert.Equal(4, running.Count);
        var pids = running.Select(j => int.Parse(j.GetProperty("metaData").GetProperty("pid").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(pids, pid => Assert.Contains("clusterdeck-demo-", File.ReadAllText($"/proc/{pid}/cmdline"), StringComparison.Ordinal));
        Assert.All(running, j => Assert.Equal(DemoHost(cluster), j.GetProperty("resources")[0].GetProperty("hostname").GetString()));

        // The printed login works, for the admin and for a user.
        foreach (var user in (string[])["demo", "alice"])
        {
            using var browser = demo.CreateClient();
            browser.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var login = await browser.PostAsync(new Uri("/login", UriKind.Relative),
                new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = user, ["password"] = demo.Password }), Token);
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }

        // An orderly stop (SIGTERM, handled as Ctrl-C): the processes are stopped and their jobs reported cancelled before the server goes.
        Assert.Equal(0, await demo.TerminateAsync());
        Assert.Contains("Demo stopped.", demo.Output, StringComparison.Ordinal);
        Assert.Equal(4, demo.Output.Split('\n').Count(l => l.StartsWith("Stopped live job", StringComparison.Ordinal) && l.TrimEnd().EndsWith("cancelled.", StringComparison.Ordinal)));
        Assert.All(pids, pid => Assert.False(Directory.Exists($"/proc/{pid}"), $"process {pid} still runs"));
    }

    [Fact]
    public async Task Demo_SecondRunAfterACrash_ReusesTheDataAndStopsTheStaleLiveJobs()
    {
        string password;
        List<long> stale;
        string[] firstFiles;
        await using (var first = await DemoProcess.StartAsync(_data.FullName, "--jobs", "120"))
        {
            password = first.Password;
            firstFiles = Directory.GetFiles(Path.Combine(ArchiveRoot, "demo"), "meta.json", SearchOption.AllDirectories);
            using var api = await ApiClientAsync(first);
            var running = await ListJobsAsync(api, "state=running&with-metadata=true");
            stale = [.. running.Select(j => j.GetProperty("jobId").GetInt64())];
            var pids = running.Select(j => j.GetProperty("metaData").GetProperty("pid").GetString()).ToList();
            await first.KillAsync();

            // Its processes notice the demo is gone and end by themselves within seconds.
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (pids.Any(pid => Directory.Exists($"/proc/{pid}")) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, Token);
            }

            Assert.All(pids, pid => Assert.False(Directory.Exists($"/proc/{pid}"), $"process {pid} outlived the demo"));
        }

        Assert.Equal(4, stale.Count);
        await using var second = await DemoProcess.StartAsync(_data.FullName, "--jobs", "120");

        Assert.Contains("Reusing the demo", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Generated", second.Output, StringComparison.Ordinal);
        Assert.Equal(password, second.Password);
        Assert.Equal(firstFiles.Order(), Directory.GetFiles(Path.Combine(ArchiveRoot, "demo"), "meta.json", SearchOption.AllDirectories).Where(firstFiles.Contains).Order());
        using var api2 = await ApiClientAsync(second);
        var jobs = await ListJobsAsync(api2, "cluster=demo&items-per-page=1000");
        Assert.Equal(120 + 4 + 4, jobs.Count);
        Assert.All(stale, jobId => Assert.Equal("failed", jobs.Single(j => j.GetProperty("jobId").GetInt64() == jobId).GetProperty("jobState").GetString()));
        Assert.Equal(4, jobs.Count(j => j.GetProperty("jobState").GetString() == "running"));
        Assert.Equal(0, await second.TerminateAsync());
    }

    /// <summary>data.json.gz, or data.json for a job short enough to stay under the compression threshold.</summary>
    private static async Task<string> ReadDataAsync(string jobDirectory)
    {
        var compressed = Path.Combine(jobDirectory, "data.json.gz");
        if (!File.Exists(compressed))
        {
            return await File.ReadAllTextAsync(Path.Combine(jobDirectory, "data.json"), Token);
        }

        await using var gzip = new GZipStream(File.OpenRead(compressed), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return await reader.ReadToEndAsync(Token);
    }

    private static string DemoHost(Cluster cluster) => cluster.SubClusters[0].Nodes;

    /// <summary>A client with a token of the demo's admin, made by the in-process <c>token</c> command on the same data directory.</summary>
    private async Task<HttpClient> ApiClientAsync(DemoProcess demo)
    {
        var token = (await CommandResult.RunAsync("token", "demo", "--data-dir", _data.FullName)).SingleLine();
        var client = demo.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<List<JsonElement>> ListJobsAsync(HttpClient api, string query)
    {
        var body = await api.GetFromJsonAsync<JsonElement>(new Uri($"/api/jobs/?{query}", UriKind.Relative), Token);
        return [.. body.GetProperty("jobs").EnumerateArray()];
    }
}
