using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Clusterdeck.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Clusterdeck.Browser.Tests;

/// <summary>
/// The cluster status page and the node page on <c>fritz</c>, with node states pushed as a Slurm adapter does and
/// metrics written as a collector does. Hosts f0101..f0104 and job ids from 5,400,000 on belong to this class.
/// </summary>
public sealed class StatusTests(Chromium chromium, UiSite site)
{
    private const string Cluster = "fritz";

    [Fact]
    public async Task StatusPage_ShowsPushedStates_AndUpdatesWithoutReload()
    {
        chromium.RequireBrowser();
        await PushStatesAsync(("f0101", "idle"), ("f0102", "allocated"), ("f0103", "mixed"));
        await site.StartJobAsync(JobOn(5_400_001, "f0102"));

        var admin = await site.SignedInPageAsync(chromium.Browser, "admin");
        await using var adminContext = admin.Context;
        await admin.GotoAsync($"/status/{Cluster}");
        var f0101 = Row(admin, "f0101");
        await Assertions.Expect(f0101.GetByTestId("scheduler-state")).ToHaveAttributeAsync("data-state", "idle");
        await Assertions.Expect(Row(admin, "f0102").GetByTestId("scheduler-state")).ToHaveAttributeAsync("data-state", "allocated");
        await Assertions.Expect(Row(admin, "f0102").GetByTestId("node-jobs")).ToHaveTextAsync("1");
        await Assertions.Expect(Row(admin, "f0103").GetByTestId("scheduler-state")).ToHaveAttributeAsync("data-state", "mixed");
        await Assertions.Expect(admin.GetByTestId("status-board")).ToHaveAttributeAsync("data-live", "true");
        await Screenshots.SaveAsync(admin, "status");

        // The page was not reloaded if this survives.
        await admin.EvaluateAsync("window.stayedOnPage = true");
        await PushStatesAsync(("f0101", "down"));
        await Assertions.Expect(f0101.GetByTestId("scheduler-state")).ToHaveAttributeAsync("data-state", "down", new() { Timeout = 20_000 });
        Assert.True(await admin.EvaluateAsync<bool>("window.stayedOnPage === true"));

        await admin.GetByTestId("node-filter").FillAsync("f0103");
        await Assertions.Expect(admin.GetByTestId("node-row")).ToHaveCountAsync(1);
        await Assertions.Expect(Row(admin, "f0103")).ToBeVisibleAsync();
        await admin.GetByTestId("node-filter").FillAsync("");
        await admin.GetByTestId("state-filter").SelectOptionAsync("down");
        await Assertions.Expect(Row(admin, "f0101")).ToBeVisibleAsync();
        await Assertions.Expect(Row(admin, "f0102")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task NodePage_ShowsStateHardwarePlotsAndJobs()
    {
        chromium.RequireBrowser();
        // Metrics first: the health is judged when the state is reported.
        await WriteMetricsAsync("f0104");
        await PushStatesAsync(("f0104", "allocated"));
        await site.StartJobAsync(JobOn(5_400_002, "f0104"));

        var admin = await site.SignedInPageAsync(chromium.Browser, "admin");
        await using var adminContext = admin.Context;
        await admin.GotoAsync($"/status/{Cluster}");
        await Row(admin, "f0104").GetByRole(AriaRole.Link, new() { Name = "f0104" }).ClickAsync();
        await admin.WaitForURLAsync($"**/nodes/{Cluster}/f0104");
        await Assertions.Expect(admin.GetByTestId("node-scheduler-state")).ToHaveAttributeAsync("data-state", "allocated");
        await Assertions.Expect(admin.GetByTestId("node-topology")).ToContainTextAsync("2 sockets × 36 cores × 1 threads = 72 hardware threads");
        await Assertions.Expect(admin.GetByTestId("node-running-jobs").Locator("[data-job-id='5400002']")).ToBeVisibleAsync();

        var plots = admin.GetByTestId("node-plot");
        await Assertions.Expect(plots).ToHaveCountAsync(19);
        var cpuLoad = admin.Locator("cd-metric-plot[metric=cpu_load]");
        Assert.Equal("/ui/data/nodes/fritz/f0104/metrics/cpu_load?last=3600&resolution=60", await cpuLoad.GetAttributeAsync("src"));
        Assert.Equal("72", await cpuLoad.GetAttributeAsync("peak"));
        Assert.Equal("20", await cpuLoad.GetAttributeAsync("alert"));

        await admin.GetByTestId("range-choice").GetByText("last 6h").ClickAsync();
        // Enhanced navigation patches the page after the address changes: wait for the new attribute, not the address.
        await Assertions.Expect(cpuLoad).ToHaveAttributeAsync("src", new Regex(@"\?last=21600&resolution=60$"));
        await admin.GetByTestId("range-choice").GetByText("last 1h").ClickAsync();
        await Assertions.Expect(cpuLoad).ToHaveAttributeAsync("src", new Regex(@"\?last=3600&resolution=60$"));
        await Assertions.Expect(admin.GetByTestId("node-health-state")).ToHaveAttributeAsync("data-state", "partial");
        // cpu_load draws its one series, and the range switches (enhanced navigation patching the page) left the drawing in place.
        await Assertions.Expect(cpuLoad).ToHaveAttributeAsync("data-drawn", "1");
        await Assertions.Expect(cpuLoad.Locator("canvas").First).ToBeVisibleAsync();
        Assert.True(await cpuLoad.EvaluateAsync<double>("e => e.getBoundingClientRect().width") > 300, "the plot keeps its block layout");

        await admin.EvaluateAsync("document.activeElement?.blur()");
        await admin.Mouse.MoveAsync(0, 0);
        await Screenshots.SaveAsync(admin, "node");
    }

    [Fact]
    public async Task PlotData_NodeMetric_AnswersTheSeriesWithItsWindow()
    {
        chromium.RequireBrowser();
        await WriteMetricsAsync("f0104");
        var admin = await site.SignedInPageAsync(chromium.Browser, "admin");
        await using var adminContext = admin.Context;
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var response = await admin.APIRequest.GetAsync($"/ui/data/nodes/{Cluster}/f0104/metrics/cpu_load?last=3600");

        Assert.Equal(200, response.Status);
        var body = (await response.JsonAsync())!.Value;
        Assert.Equal("cpu_load", body.GetProperty("metric").GetString());
        Assert.Equal("node", body.GetProperty("scope").GetString());
        Assert.Equal(60, body.GetProperty("nativeTimestep").GetInt32());
        Assert.InRange(body.GetProperty("startTime").GetInt64(), before - 3600 - 5, before - 3600 + 60);
        var series = Assert.Single(body.GetProperty("data").GetProperty("series").EnumerateArray());
        Assert.Equal("f0104", series.GetProperty("hostname").GetString());
        var values = series.GetProperty("data").EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetDouble()).ToList();
        Assert.Contains(2.5, values);
    }

    [Theory]
    [InlineData("admin", "/ui/data/nodes/fritz/f0104/metrics/no_such_metric", 404)]
    [InlineData("admin", "/ui/data/nodes/nocluster/f0104/metrics/cpu_load", 404)]
    [InlineData("admin", "/ui/data/nodes/fritz/zz9999/metrics/cpu_load", 404)]
    [InlineData("admin", "/ui/data/nodes/fritz/f0104/metrics/cpu_load?from=2000&to=1000", 400)]
    [InlineData("admin", "/ui/data/nodes/fritz/f0104/metrics/cpu_load?from=1000&last=60", 400)]
    [InlineData("admin", "/ui/data/nodes/fritz/f0104/metrics/cpu_load?last=0", 400)]
    [InlineData("admin", "/ui/data/nodes/fritz/f0104/metrics/cpu_load?from=abc", 400)]
    [InlineData("admin", "/ui/data/nodes/fritz/f0104/metrics/cpu_load?from=0&to=99999999", 400)]
    [InlineData("alice", "/ui/data/nodes/fritz/f0104/metrics/cpu_load", 403)]
    public async Task PlotData_BadRequest_ProblemWithReason(string user, string path, int status)
    {
        chromium.RequireBrowser();
        var page = await site.SignedInPageAsync(chromium.Browser, user);
        await using var pageContext = page.Context;

        var response = await page.APIRequest.GetAsync(path);

        Assert.Equal(status, response.Status);
        var problem = (await response.JsonAsync())!.Value;
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task StatusPage_UnknownCluster_NotFound()
    {
        chromium.RequireBrowser();
        var admin = await site.SignedInPageAsync(chromium.Browser, "admin");
        await using var adminContext = admin.Context;
        var response = await admin.GotoAsync("/status/no-such-cluster");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(admin.GetByTestId("problem")).ToContainTextAsync("no cluster 'no-such-cluster'");
    }

    private static ILocator Row(IPage page, string host) => page.Locator($"[data-testid=node-row][data-host={host}]");

    private async Task PushStatesAsync(params (string Host, string State)[] nodes)
    {
        var body = new
        {
            cluster = Cluster,
            nodes = nodes.Select(n => new { hostname = n.Host, states = new[] { n.State }, cpusAllocated = 36, memoryAllocated = 1024, gpusAllocated = 0, jobsRunning = 0 }),
        };
        using var response = await site.Api.PostAsJsonAsync("/api/nodestate/", body, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>cpu_load 2.5 on <paramref name="host"/> every minute over the last half hour.</summary>
    private async Task WriteMetricsAsync(string host)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var lines = new StringBuilder();
        for (var t = now - 1800; t <= now; t += 60)
        {
            lines.Append(CultureInfo.InvariantCulture, $"cpu_load,hostname={host},type=node value=2.5 {t}\n");
        }

        using var content = new StringContent(lines.ToString(), Encoding.UTF8, "text/plain");
        using var response = await site.Api.PostAsync(new Uri($"/api/write?cluster={Cluster}", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static object JobOn(long jobId, string host) => new
    {
        jobId,
        user = "alice",
        project = "statustest",
        cluster = Cluster,
        partition = "singlenode",
        walltime = 3600,
        numNodes = 1,
        numHwthreads = 72,
        numAcc = 0,
        smt = 1,
        resources = new[] { new { hostname = host, hwthreads = Enumerable.Range(0, 72).ToArray() } },
        metaData = new { jobName = $"status-{jobId}" },
        startTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 120,
    };
}
