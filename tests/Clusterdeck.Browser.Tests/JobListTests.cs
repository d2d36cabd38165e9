using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Clusterdeck.Browser.Tests.Infrastructure;
using Clusterdeck.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Clusterdeck.Browser.Tests;

/// <summary>The job list at /jobs: filters from the form and the URL, sorting, footprint bars, access, live running rows. Job ids 5,100,000 and up.</summary>
public sealed class JobListTests(Chromium chromium, UiSite site)
{
    private const long FirstJobId = 5_100_000;

    [Fact]
    public async Task FilterForm_UserAndJobName_ShowsExactlyTheMatchingJobs()
    {
        chromium.RequireBrowser();
        var start = Now() - 600;
        await StartAsync(FirstJobId + 1, "alice", "jlt-filter-alpha", start);
        await StartAsync(FirstJobId + 2, "alice", "jlt-filter-alpha", start - 60, host: "host126");
        await StartAsync(FirstJobId + 3, "bob", "jlt-filter-alpha", start);
        await StartAsync(FirstJobId + 4, "alice", "jlt-filter-beta", start);
        var page = await site.SignedInPageAsync(chromium.Browser, "admin");
        await using var pageContext = page.Context;

        await page.GotoAsync("/jobs");
        await page.GetByTestId("filter-user").FillAsync("alice");
        await page.GetByTestId("filter-jobname").FillAsync("jlt-filter-alpha");
        await page.GetByTestId("filter-apply").ClickAsync();

        await page.WaitForURLAsync(new Regex(@"/jobs\?user=alice&jobName=jlt-filter-alpha$"));
        await ExpectJobIdsAsync(page, FirstJobId + 1, FirstJobId + 2);
        await Assertions.Expect(page.GetByTestId("job-count")).ToHaveTextAsync("2 jobs");

        // Ranges and node from the form: the second job ran on host126, in subcluster sc2.
        await page.GetByTestId("filter-node").FillAsync("host12*");
        await page.GetByTestId("filter-nodes-min").FillAsync("1");
        await page.GetByTestId("filter-duration-max").FillAsync("1d");
        await page.GetByTestId("filter-apply").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"node=host12\*&duration=\.\.1d&nodes=1\.\.$"));
        await ExpectJobIdsAsync(page, FirstJobId + 1, FirstJobId + 2);

        await page.GotoAsync("/jobs?jobName=jlt-filter-&node=host126");
        await ExpectJobIdsAsync(page, FirstJobId + 2);
    }

    [Fact]
    public async Task StateFilterAndSort_FromTheUrl_OrderAndSelectTheRows()
    {
        chromium.RequireBrowser();
        var start = Now() - 3600;
        await StartAsync(FirstJobId + 11, "alice", "jlt-sort", start);
        await StartAsync(FirstJobId + 12, "alice", "jlt-sort", start + 60);
        await StartAsync(FirstJobId + 13, "alice", "jlt-sort", start + 120);
        await StopAsync(FirstJobId + 12, start + 60, "failed", duration: 30);
        var page = await site.SignedInPageAsync(chromium.Browser, "alice");
        await using var pageContext = page.Context;

        await page.GotoAsync("/jobs?jobName=jlt-sort");
        await ExpectJobIdsAsync(page, FirstJobId + 13, FirstJobId + 12, FirstJobId + 11);

        await page.GetByTestId("sort-jobId").ClickAsync();
        await page.WaitForURLAsync("**/jobs?jobName=jlt-sort&sort=-jobId");
        // Enhanced navigation changes the address before it patches the page: wait for the header's new link.
        await Assertions.Expect(page.GetByTestId("sort-jobId")).ToHaveAttributeAsync("href", new Regex("sort=jobId$"));
        await page.GetByTestId("sort-jobId").ClickAsync();
        await page.WaitForURLAsync("**/jobs?jobName=jlt-sort&sort=jobId");
        await Assertions.Expect(page.GetByTestId("job-row").First).ToHaveAttributeAsync("data-job-id", (FirstJobId + 11).ToString(CultureInfo.InvariantCulture));
        await ExpectJobIdsAsync(page, FirstJobId + 11, FirstJobId + 12, FirstJobId + 13);

        await page.GotoAsync("/jobs?jobName=jlt-sort&state=failed");
        await ExpectJobIdsAsync(page, FirstJobId + 12);
        await Assertions.Expect(page.GetByTestId("job-state")).ToHaveTextAsync("failed");

        await page.GotoAsync("/jobs?jobName=jlt-sort&state=running,failed&perPage=50&page=1");
        await Assertions.Expect(page.GetByTestId("job-row")).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task BadFilterValues_ShowTheReasons_NotAnError()
    {
        chromium.RequireBrowser();
        var page = await site.SignedInPageAsync(chromium.Browser, "alice");
        await using var pageContext = page.Context;

        var response = await page.GotoAsync("/jobs?nodes=many&state=sleeping&colour=red&sort=-fp.no%20such");
        Assert.Equal(200, response!.Status);
        var errors = page.GetByTestId("filter-errors");
        await Assertions.Expect(errors).ToContainTextAsync("nodes: 'many' is not a whole number");
        await Assertions.Expect(errors).ToContainTextAsync("state: 'sleeping' is not a job state");
        await Assertions.Expect(errors).ToContainTextAsync("'colour' is not a job list parameter");
        await Assertions.Expect(errors).ToContainTextAsync("sort:");
        await Assertions.Expect(page.GetByTestId("job-row")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task PlainUser_SeesOnlyOwnJobs_AndIsRefusedAnotherUsersView()
    {
        chromium.RequireBrowser();
        var start = Now() - 300;
        await StartAsync(FirstJobId + 21, "alice", "jlt-private", start);
        await StartAsync(FirstJobId + 22, "bob", "jlt-private", start);
        var alice = await site.SignedInPageAsync(chromium.Browser, "alice");
        await using var aliceContext = alice.Context;

        await alice.GotoAsync("/jobs?jobName=jlt-private");
        await ExpectJobIdsAsync(alice, FirstJobId + 21);
        await alice.GotoAsync($"/jobs?jobId={FirstJobId + 22}");
        await Assertions.Expect(alice.GetByTestId("no-jobs")).ToBeVisibleAsync();

        var response = await alice.GotoAsync("/users/bob");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(alice.GetByTestId("problem")).ToContainTextAsync("Not allowed");
        Assert.Equal(0, await alice.GetByTestId("job-row").CountAsync());

        response = await alice.GotoAsync("/projects/jlproj");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(alice.GetByTestId("problem")).ToContainTextAsync("Not allowed");

        var bob = await site.SignedInPageAsync(chromium.Browser, "bob");
        await using var bobContext = bob.Context;
        await bob.GotoAsync("/jobs?jobName=jlt-private");
        await ExpectJobIdsAsync(bob, FirstJobId + 22);
    }

    [Fact]
    public async Task RunningJob_DurationAdvances_WithoutReload()
    {
        chromium.RequireBrowser();
        await StartAsync(FirstJobId + 31, "alice", "jlt-live", Now() - 100);
        var page = await site.SignedInPageAsync(chromium.Browser, "alice");
        await using var pageContext = page.Context;

        await page.GotoAsync("/jobs?jobName=jlt-live");
        var duration = page.GetByTestId("job-duration");
        var first = await duration.InnerTextAsync();
        Assert.Matches(@"^00:0[1-9]:\d\d$", first);
        await page.EvaluateAsync("window.notReloaded = true");

        await Assertions.Expect(duration).Not.ToHaveTextAsync(first, new() { Timeout = 20_000 });
        Assert.True(await page.EvaluateAsync<bool>("window.notReloaded === true"), "the page was reloaded");
        Assert.True(TimeSpan.Parse(await duration.InnerTextAsync(), CultureInfo.InvariantCulture) > TimeSpan.Parse(first, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Footprint_ImportedJob_BarsRatedByThresholds_FilterAndSortByFootprint()
    {
        chromium.RequireBrowser();
        // fritzMinimal: cpu_load 31.64 (caution 36, alert 20), mem_used max 6.2 of 256 (lower is better), flops_any 45 and
        // mem_bw 4.9 at or below their alert thresholds (50, 10).
        await ImportFritzJobAsync(FirstJobId + 41, "jlt-footprint", flopsAny: 45.012);
        await ImportFritzJobAsync(FirstJobId + 42, "jlt-footprint", flopsAny: 1500);
        var page = await site.SignedInPageAsync(chromium.Browser, "admin");
        await using var pageContext = page.Context;

        await page.GotoAsync($"/jobs?jobId={FirstJobId + 41}");
        var row = page.GetByTestId("job-row");
        await Assertions.Expect(row.Locator("[data-key=cpu_load_avg]")).ToHaveAttributeAsync("data-rating", "Caution");
        await Assertions.Expect(row.Locator("[data-key=mem_used_max]")).ToHaveAttributeAsync("data-rating", "Normal");
        await Assertions.Expect(row.Locator("[data-key=flops_any_avg]")).ToHaveAttributeAsync("data-rating", "Alert");
        await Assertions.Expect(row.Locator("[data-key=mem_bw_avg]")).ToHaveAttributeAsync("data-rating", "Alert");
        await Assertions.Expect(row.Locator("[data-key=flops_any_avg] .progress-bar")).ToHaveClassAsync(new Regex("bg-danger"));

        await page.GotoAsync("/jobs?jobName=jlt-footprint&fp.flops_any_avg=1000..");
        await ExpectJobIdsAsync(page, FirstJobId + 42);
        await page.GotoAsync("/jobs?jobName=jlt-footprint&sort=fp.flops_any_avg");
        await ExpectJobIdsAsync(page, FirstJobId + 41, FirstJobId + 42);
        await page.GotoAsync("/jobs?jobName=jlt-footprint&sort=-fp.flops_any_avg");
        await ExpectJobIdsAsync(page, FirstJobId + 42, FirstJobId + 41);
    }

    [Fact]
    public async Task JobList_Screenshot()
    {
        chromium.RequireBrowser();
        // A project of the screenshot's own, so other tests' jobs never crowd it out.
        await StartAsync(FirstJobId + 52, "alice", "cfd-solver", Now() - 5400, host: "host124", project: "sim-lab");
        await StartAsync(FirstJobId + 53, "bob", "train-resnet", Now() - 700, host: "host127", project: "sim-lab");
        await ImportFritzJobAsync(FirstJobId + 51, "lammps-md", flopsAny: 812.4, startTime: Now() - 600, cpuLoad: 70.2, memBandwidth: 180, project: "sim-lab");
        await ImportFritzJobAsync(FirstJobId + 54, "gromacs-bench", flopsAny: 2150, startTime: Now() - 1500, cpuLoad: 71.5, memBandwidth: 95, project: "sim-lab");
        await ImportFritzJobAsync(FirstJobId + 55, "python-preproc", flopsAny: 3.1, startTime: Now() - 2500, cpuLoad: 1.2, memBandwidth: 2.5, project: "sim-lab");
        await ImportFritzJobAsync(FirstJobId + 56, "openfoam-case7", flopsAny: 160, startTime: Now() - 3500, cpuLoad: 41, memBandwidth: 60, project: "sim-lab");
        var page = await site.SignedInPageAsync(chromium.Browser, "admin");
        await using var pageContext = page.Context;

        await page.GotoAsync("/jobs?project=sim-lab");
        await Assertions.Expect(page.GetByTestId("job-row")).ToHaveCountAsync(6);
        await Assertions.Expect(page.GetByTestId("job-row").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=footprint][data-key=flops_any_avg]").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "jobs");
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>Waits until the list shows exactly these jobs in this order (the rows change after an enhanced navigation).</summary>
    private static async Task ExpectJobIdsAsync(IPage page, params long[] expected)
    {
        await Assertions.Expect(page.GetByTestId("job-count")).ToBeVisibleAsync();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        List<long> shown;
        do
        {
            var ids = await page.GetByTestId("job-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.jobId)");
            shown = [.. ids.Select(id => long.Parse(id, CultureInfo.InvariantCulture))];
            if (shown.SequenceEqual(expected))
            {
                return;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Equal(expected, shown);
    }

    private Task<long> StartAsync(long jobId, string user, string name, long startTime, string host = "host123", string project = "jlproj") =>
        site.StartJobAsync(new
        {
            jobId,
            user,
            project,
            cluster = TestArchive.TestClusterName,
            partition = "main",
            walltime = 7200,
            numNodes = 1,
            numHwthreads = 8,
            resources = new[] { new { hostname = host } },
            metaData = new Dictionary<string, string> { ["jobName"] = name },
            startTime,
        });

    private async Task StopAsync(long jobId, long startTime, string state, long duration)
    {
        using var response = await site.Api.PostAsJsonAsync("/api/jobs/stop_job/", new
        {
            jobId,
            cluster = TestArchive.TestClusterName,
            startTime,
            jobState = state,
            stopTime = startTime + duration,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Imports the reference fritz job (with its statistics, so it gets a footprint) under a job id and name of the test's own.</summary>
    private async Task ImportFritzJobAsync(long jobId, string name, double flopsAny, long? startTime = null, double? cpuLoad = null, double? memBandwidth = null, string? project = null)
    {
        var meta = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Reference("clustercockpit/import-cases/meta-fritzMinimal.input")))!;
        meta["jobId"] = jobId;
        meta["startTime"] = startTime ?? Now() - 86_400 + (jobId % 1000);
        meta["metaData"] = new JsonObject { ["jobName"] = name };
        meta["project"] = project ?? meta["project"]!.GetValue<string>();
        var statistics = meta["statistics"]!;
        statistics["flops_any"]!["avg"] = flopsAny;
        statistics["cpu_load"]!["avg"] = cpuLoad ?? statistics["cpu_load"]!["avg"]!.GetValue<double>();
        statistics["mem_bw"]!["avg"] = memBandwidth ?? statistics["mem_bw"]!["avg"]!.GetValue<double>();
        var path = Path.Combine(site.Server.DataDirectory, $"meta-{jobId}.json");
        await File.WriteAllTextAsync(path, meta.ToJsonString());
        var data = RepositoryPaths.Reference("clustercockpit/import-cases/data-fritzMinimal.json");
        var result = await site.Server.RunCommandAsync("archive", "import-job", $"{path}:{data}");
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
    }
}
