using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Clusterdeck.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Clusterdeck.Browser.Tests;

/// <summary>
/// The job view at <c>/jobs/{dbId}</c> in Chromium against the real host: the reference emmy job's plots drawn with
/// data, tags, a running job advancing without reload, and another user's job not found. Jobs this class starts use
/// job ids from 5,300,000 on.
/// </summary>
public sealed class JobViewTests(Chromium chromium, UiSite site, ITestOutputHelper output)
{
    private const long ReferenceJobId = 1403244;

    /// <summary>Pixels inside uPlot's plotting area that carry colour (series and bands; axes and grid are grey).</summary>
    private const string ColouredPlotPixels = """
        element => {
          const u = element.uplot;
          if (!u) return 0;
          const { left, top, width, height } = u.bbox;
          const pixels = u.ctx.getImageData(left, top, Math.max(width, 1), Math.max(height, 1)).data;
          let coloured = 0;
          for (let i = 0; i < pixels.length; i += 4) {
            const r = pixels[i], g = pixels[i + 1], b = pixels[i + 2];
            if (pixels[i + 3] > 0 && Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
          }
          return coloured;
        }
        """;

    private const string CanvasPixels = """
        element => {
          const canvas = element.querySelector("canvas");
          if (!canvas) return 0;
          const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
          let coloured = 0;
          for (let i = 0; i < pixels.length; i += 4) {
            const r = pixels[i], g = pixels[i + 1], b = pixels[i + 2];
            if (pixels[i + 3] > 0 && Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
          }
          return coloured;
        }
        """;

    private static readonly string[] ReferenceMetrics = ["cpu_load", "ipc", "mem_used", "flops_any", "flops_dp", "flops_sp", "mem_bw", "clock", "rapl_power"];

    private static int _nextJobId = 5_300_000;

    [Fact]
    public async Task ReferenceEmmyJob_EveryMetricPlotHasDrawnData()
    {
        chromium.RequireBrowser();
        var dbId = await site.ReferenceJobIdAsync("emmy", ReferenceJobId);
        var page = await site.SignedInPageAsync(chromium.Browser, UiSite.EmmyOwner);
        await using var pageContext = page.Context;

        var response = await page.GotoAsync($"/jobs/{dbId}");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.GetByTestId("job-title")).ToHaveTextAsync($"Job {ReferenceJobId}");
        var plots = page.Locator("cd-metric-plot");
        await WaitAllDrawnAsync(page, "cd-metric-plot");

        var metrics = await page.Locator("[data-testid=plot-card]").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.metric)");
        Assert.Equal(ReferenceMetrics.Order(), metrics.Order());
        for (var i = 0; i < await plots.CountAsync(); i++)
        {
            var plot = plots.Nth(i);
            Assert.Null(await plot.GetAttributeAsync("data-error"));
            Assert.True(int.Parse((await plot.GetAttributeAsync("data-drawn"))!, CultureInfo.InvariantCulture) > 0, $"{metrics[i]} drew no series");
            var coloured = await plot.EvaluateAsync<int>(ColouredPlotPixels);
            Assert.True(coloured > 200, $"the {metrics[i]} canvas has only {coloured} coloured pixels");
        }

        await Assertions.Expect(page.GetByTestId("roofline-plot")).ToHaveAttributeAsync("data-drawn", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
        await page.EvaluateAsync("() => { window.scrollTo(0, 0); document.activeElement?.blur(); }");
        await Screenshots.SaveAsync(page, "job");

        // 32 nodes: the min/median/max band is drawn; the button switches to every node.
        var flops = page.Locator("[data-metric=flops_any] cd-metric-plot");
        Assert.Equal("3", await flops.GetAttributeAsync("data-drawn"));
        await page.Locator("[data-metric=flops_any] .cd-plot-toolbar button").First.ClickAsync();
        await Assertions.Expect(flops).ToHaveAttributeAsync("data-drawn", "32");

        Assert.True(await page.GetByTestId("roofline-plot").EvaluateAsync<int>(CanvasPixels) > 200);
        await Assertions.Expect(page.GetByTestId("polar-plot")).ToHaveAttributeAsync("data-drawn", new System.Text.RegularExpressions.Regex("^[3-9]$"));
        Assert.True(await page.GetByTestId("polar-plot").EvaluateAsync<int>(CanvasPixels) > 200);
        await Assertions.Expect(page.GetByTestId("statistics-row")).ToHaveCountAsync(ReferenceMetrics.Length);
        await Assertions.Expect(page.GetByTestId("job-state")).ToHaveTextAsync("completed");
        await Assertions.Expect(page.GetByTestId("job-duration")).ToHaveTextAsync("1d 00:01:26");
    }

    [Fact]
    public async Task ReferenceEmmyJob_ZoomFetchesFinerResolution()
    {
        chromium.RequireBrowser();
        var dbId = await site.ReferenceJobIdAsync("emmy", ReferenceJobId);
        var page = await site.SignedInPageAsync(chromium.Browser, UiSite.EmmyOwner);
        await using var pageContext = page.Context;
        await page.GotoAsync($"/jobs/{dbId}");
        var plot = page.Locator("[data-metric=mem_bw] cd-metric-plot");
        await Assertions.Expect(plot).ToHaveAttributeAsync("data-drawn", "3");
        var coarse = int.Parse((await plot.GetAttributeAsync("data-samples"))!, CultureInfo.InvariantCulture);
        Assert.True(coarse < 1441, $"the day-long job should be resampled, but has {coarse} samples");

        var finer = page.WaitForResponseAsync(r => r.Url.Contains("/metrics/mem_bw", StringComparison.Ordinal) && r.Url.Contains("resolution=60", StringComparison.Ordinal));
        var over = plot.Locator(".u-over");
        await over.ScrollIntoViewIfNeededAsync();
        var box = (await over.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.40f), box.Y + (box.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.45f), box.Y + (box.Height / 2), new() { Steps = 5 });
        await page.Mouse.UpAsync();
        await finer;
        await Assertions.Expect(plot).ToHaveAttributeAsync("data-samples", "1441");

        await over.DblClickAsync();
        await Assertions.Expect(plot).ToHaveAttributeAsync("data-samples", coarse.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Tags_CreateAndAttachAndRemove_ShownOnThePageAndInTheList()
    {
        chromium.RequireBrowser();
        var jobId = Interlocked.Increment(ref _nextJobId);
        var dbId = await site.StartJobAsync(StartBody(jobId, "alice", DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 300));
        var page = await site.SignedInPageAsync(chromium.Browser, "alice");
        await using var pageContext = page.Context;
        await page.GotoAsync($"/jobs/{dbId}");
        var tags = page.GetByTestId("job-tags");
        await Assertions.Expect(tags).ToHaveAttributeAsync("data-interactive", "true");

        await page.GetByTestId("new-tag-type").FillAsync("review");
        await page.GetByTestId("new-tag-name").FillAsync($"slow-io-{jobId}");
        // A plain user writes private tags only.
        Assert.Equal(["alice"], await page.GetByTestId("new-tag-scope").Locator("option").EvaluateAllAsync<string[]>("o => o.map(x => x.value)"));
        await page.GetByTestId("create-tag").ClickAsync();
        var tag = page.Locator($"[data-testid=tag][data-tag='review:slow-io-{jobId}']");
        await Assertions.Expect(tag).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Assertions.Expect(tag).ToBeVisibleAsync();
        await Assertions.Expect(tags).ToHaveAttributeAsync("data-interactive", "true");
        await tag.GetByTestId("remove-tag").ClickAsync();
        await Assertions.Expect(tag).ToHaveCountAsync(0);

        // The tag still exists, so it is offered for attaching again.
        await page.GetByTestId("existing-tag").SelectOptionAsync(new SelectOptionValue { Label = $"review: slow-io-{jobId} (private)" });
        await page.GetByTestId("add-tag").ClickAsync();
        await Assertions.Expect(tag).ToBeVisibleAsync();

        // The job list shows it on the job's row.
        await page.GotoAsync($"/jobs?jobId={jobId}");
        var row = page.Locator($"[data-testid=job-row][data-job-id='{jobId}']");
        await Assertions.Expect(row.GetByTestId("job-tag")).ToHaveTextAsync($"review: slow-io-{jobId}");
    }

    [Fact]
    public async Task RunningJob_DurationAndPlotsAdvanceWithoutReload_AndTheStopShows()
    {
        chromium.RequireBrowser();
        var jobId = Interlocked.Increment(ref _nextJobId);
        var host = "host124";
        var startTime = ((DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60) * 60) - 1200;
        var dbId = await site.StartJobAsync(StartBody(jobId, "alice", startTime, host));
        await WriteLoadAsync(host, startTime, 0, 10);

        var page = await site.SignedInPageAsync(chromium.Browser, "alice");
        await using var pageContext = page.Context;
        await page.GotoAsync($"/jobs/{dbId}");
        await Assertions.Expect(page.GetByTestId("job-state")).ToHaveTextAsync("running");
        var plot = page.Locator("[data-metric=load_one] cd-metric-plot");
        await Assertions.Expect(plot).ToHaveAttributeAsync("data-drawn", "1");
        Assert.Equal("10", await plot.GetAttributeAsync("live"));
        Assert.Equal(10, await ValuesAsync(plot));

        var duration = await page.GetByTestId("job-duration").InnerTextAsync();
        await Assertions.Expect(page.GetByTestId("job-duration")).Not.ToHaveTextAsync(duration, new() { Timeout = 10_000 });

        await WriteLoadAsync(host, startTime, 10, 15);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await ValuesAsync(plot) < 15 && DateTime.UtcNow < deadline)
        {
            await page.WaitForTimeoutAsync(500);
        }

        Assert.Equal(15, await ValuesAsync(plot));

        using var stop = await site.Api.PostAsJsonAsync("/api/jobs/stop_job/", new
        {
            jobId,
            cluster = "testcluster",
            startTime,
            jobState = "completed",
            stopTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        }, TestContext.Current.CancellationToken);
        Assert.True(stop.IsSuccessStatusCode, await stop.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        await Assertions.Expect(page.GetByTestId("job-state")).ToHaveTextAsync("completed", new() { Timeout = 20_000 });
        Assert.Null(await page.Locator("[data-metric=load_one] cd-metric-plot").GetAttributeAsync("live"));
    }

    [Fact]
    public async Task AnotherUsersJob_NotFound_PageAndData()
    {
        chromium.RequireBrowser();
        var dbId = await site.ReferenceJobIdAsync("emmy", ReferenceJobId);
        var page = await site.SignedInPageAsync(chromium.Browser, "bob");
        await using var pageContext = page.Context;

        var response = await page.GotoAsync($"/jobs/{dbId}");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("cd-metric-plot").CountAsync());
        var data = await page.APIRequest.GetAsync($"/ui/data/jobs/{dbId}/metrics/flops_any", new() { Headers = new Dictionary<string, string> { ["Accept"] = "application/json" } });
        Assert.Equal(404, data.Status);
        var unknown = await page.GotoAsync("/jobs/999999999");
        Assert.Equal(404, unknown!.Status);
    }

    [Fact]
    public async Task PlotData_BadScopeOrResolution_400WithTheReason()
    {
        chromium.RequireBrowser();
        var dbId = await site.ReferenceJobIdAsync("emmy", ReferenceJobId);
        var page = await site.SignedInPageAsync(chromium.Browser, UiSite.EmmyOwner);
        await using var pageContext = page.Context;
        var json = new Dictionary<string, string> { ["Accept"] = "application/json" };

        var scope = await page.APIRequest.GetAsync($"/ui/data/jobs/{dbId}/metrics/flops_any?scope=galaxy", new() { Headers = json });
        var resolution = await page.APIRequest.GetAsync($"/ui/data/jobs/{dbId}/metrics/flops_any?resolution=soon", new() { Headers = json });
        var metric = await page.APIRequest.GetAsync($"/ui/data/jobs/{dbId}/metrics/no_such_metric", new() { Headers = json });
        var ok = await page.APIRequest.GetAsync($"/ui/data/jobs/{dbId}/metrics/flops_any?resolution=600", new() { Headers = json });

        Assert.Equal(400, scope.Status);
        Assert.Contains("galaxy", await scope.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(400, resolution.Status);
        Assert.Equal(404, metric.Status);
        Assert.Contains("no_such_metric", await metric.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(200, ok.Status);
        var body = (await ok.JsonAsync())!.Value;
        Assert.Equal(600, body.GetProperty("resolution").GetInt32());
        Assert.Equal(60, body.GetProperty("nativeTimestep").GetInt32());
        Assert.Equal(32, body.GetProperty("data").GetProperty("series").GetArrayLength());
    }

    /// <summary>
    /// Speed: the reference emmy job (9 metrics × 32 nodes × 1441 samples) from navigation start until every plot has
    /// drawn, in Chromium; one warm-up, then the median of five. Prints the figures; the target (under 1 s) is recorded in
    /// docs/performance.md, not asserted, as a loaded test machine would make it flaky.
    /// </summary>
    [Fact]
    public async Task Speed_ReferenceEmmyJobFullyDrawn_PrintsMedian()
    {
        chromium.RequireBrowser();
        var dbId = await site.ReferenceJobIdAsync("emmy", ReferenceJobId);
        var page = await site.SignedInPageAsync(chromium.Browser, UiSite.EmmyOwner);
        await using var pageContext = page.Context;
        await page.AddInitScriptAsync("""
            document.addEventListener("cd-plot-drawn", e => {
              if (e.target.dataset.firstDrawnAt === undefined) e.target.dataset.firstDrawnAt = String(performance.now());
            }, true);
            """);
        var timings = new List<double>();
        for (var run = 0; run < 6; run++)
        {
            await page.GotoAsync($"/jobs/{dbId}");
            await WaitAllDrawnAsync(page, "cd-metric-plot, cd-roofline, cd-polar");
            var drawn = await page.EvaluateAsync<double>("""
                () => Math.max(...[...document.querySelectorAll("cd-metric-plot, cd-roofline, cd-polar")].map(e => Number(e.dataset.firstDrawnAt)))
                """);
            if (run > 0)
            {
                timings.Add(drawn);
            }
        }

        timings.Sort();
        output.WriteLine($"job view of emmy {ReferenceJobId} fully drawn: median {timings[timings.Count / 2]:F0} ms (runs: {string.Join(", ", timings.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))} ms)");
        Assert.All(timings, t => Assert.True(t > 0));
    }

    private static async Task WaitAllDrawnAsync(IPage page, string selector) =>
        await page.WaitForFunctionAsync(
            $$"""() => { const all = [...document.querySelectorAll("{{selector}}")]; return all.length > 0 && all.every(e => e.hasAttribute("data-drawn") || e.hasAttribute("data-error")); }""",
            null, new() { Timeout = 30_000 });

    private static Task<int> ValuesAsync(ILocator plot) =>
        plot.EvaluateAsync<int>("e => e.data ? e.data.data.series[0].data.filter(v => v !== null).length : 0");

    private async Task WriteLoadAsync(string host, long startTime, int from, int to)
    {
        var lines = new StringBuilder();
        for (var i = from; i < to; i++)
        {
            lines.Append(CultureInfo.InvariantCulture, $"load_one,hostname={host},type=node value={1 + (i % 4)} {startTime + 30 + (i * 60)}\n");
            lines.Append(CultureInfo.InvariantCulture, $"mem_used,hostname={host},type=node value={10 + i} {startTime + 30 + (i * 60)}\n");
        }

        using var write = await site.Api.PostAsync(new Uri("/api/write?cluster=testcluster", UriKind.Relative),
            new StringContent(lines.ToString(), Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);
        Assert.True(write.IsSuccessStatusCode, await write.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static object StartBody(long jobId, string user, long startTime, string host = "host123") => new
    {
        jobId,
        user,
        project = "jobview",
        cluster = "testcluster",
        partition = "default",
        walltime = 3600,
        numNodes = 1,
        numHwthreads = 8,
        numAcc = 0,
        smt = 1,
        resources = new[] { new { hostname = host, hwthreads = new[] { 0, 1, 2, 3, 4, 5, 6, 7 } } },
        metaData = new Dictionary<string, string> { ["jobName"] = $"jobview-{jobId}", ["jobScript"] = "#!/bin/bash\nsrun ./simulate --steps 1000\n" },
        startTime,
    };
}
