using Clusterdeck.Browser.Tests.Infrastructure;
using Clusterdeck.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Clusterdeck.Browser.Tests;

/// <summary>The user view, the project view and the analysis page: statistics, histograms and the lists under them. Job ids 5,200,000 and up.</summary>
public sealed class StatisticsViewsTests(Chromium chromium, UiSite site)
{
    private const long FirstJobId = 5_200_000;

    [Fact]
    public async Task UserView_UserKnownFromJobs_ShowsTheirStatisticsHistogramsAndJobs()
    {
        chromium.RequireBrowser();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        await StartAsync(FirstJobId + 1, "uvt-carol", "uvt-proj", now - 4000, nodes: 2);
        await StartAsync(FirstJobId + 2, "uvt-carol", "uvt-proj", now - 2000, nodes: 1);
        await StartAsync(FirstJobId + 3, "uvt-carol", "uvt-other", now - 100, nodes: 1);
        var page = await site.SignedInPageAsync(chromium.Browser, "admin");
        await using var pageContext = page.Context;

        await page.GotoAsync("/users/uvt-carol");
        await Assertions.Expect(page.GetByTestId("stat-total-jobs")).ToHaveTextAsync("3");
        await Assertions.Expect(page.GetByTestId("job-row")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("histogram-nodes")).ToHaveAttributeAsync("data-drawn", "2");
        await Assertions.Expect(page.GetByTestId("histogram-duration")).ToHaveAttributeAsync("data-drawn", "24");
        Assert.True(await page.Locator("[data-testid=histogram-nodes] canvas").CountAsync() > 0, "no canvas in the nodes histogram");

        // The list's filter narrows the statistics too; the user stays fixed whatever the URL says.
        await page.GotoAsync("/users/uvt-carol?project=uvt-proj");
        await Assertions.Expect(page.GetByTestId("stat-total-jobs")).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByTestId("job-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("filter-user")).ToHaveCountAsync(0);

        await page.GotoAsync("/users/uvt-nobody-at-all");
        await Assertions.Expect(page.GetByTestId("problem")).ToContainTextAsync("No such user");
    }

    [Fact]
    public async Task UserView_OwnPage_Screenshot()
    {
        chromium.RequireBrowser();
        var page = await site.SignedInPageAsync(chromium.Browser, UiSite.EmmyOwner);
        await using var pageContext = page.Context;

        var response = await page.GotoAsync($"/users/{UiSite.EmmyOwner}");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.GetByTestId("job-row").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("histogram-nodes")).ToHaveAttributeAsync("data-drawn", new System.Text.RegularExpressions.Regex("^[1-9]"));
        await Screenshots.SaveAsync(page, "user");
    }

    [Fact]
    public async Task ProjectView_Admin_SeesTheProjectsJobs_UnknownProjectIsNotFound()
    {
        chromium.RequireBrowser();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        await StartAsync(FirstJobId + 11, "alice", "pvt-climate", now - 7200, nodes: 2);
        await StartAsync(FirstJobId + 12, "bob", "pvt-climate", now - 1800, nodes: 3, host: "host126");
        var page = await site.SignedInPageAsync(chromium.Browser, "admin");
        await using var pageContext = page.Context;

        await page.GotoAsync("/projects/pvt-climate");
        await Assertions.Expect(page.GetByTestId("project-name")).ToContainTextAsync("pvt-climate");
        await Assertions.Expect(page.GetByTestId("stat-total-jobs")).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByTestId("job-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("histogram-nodes")).ToHaveAttributeAsync("data-drawn", "2");
        await Screenshots.SaveAsync(page, "project");

        await page.GotoAsync("/projects/pvt-no-such-project");
        await Assertions.Expect(page.GetByTestId("problem")).ToContainTextAsync("No such project");
    }

    [Fact]
    public async Task Analysis_GroupedByUserAndProject_CountsEachGroupsJobs()
    {
        chromium.RequireBrowser();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        await StartAsync(FirstJobId + 21, "ant-dave", "ant-proj", now - 3600, nodes: 4);
        await StartAsync(FirstJobId + 22, "ant-dave", "ant-proj", now - 1200, nodes: 1);
        await StartAsync(FirstJobId + 23, "ant-erin", "ant-proj", now - 600, nodes: 1);
        var page = await site.SignedInPageAsync(chromium.Browser, "admin");
        await using var pageContext = page.Context;

        await page.GotoAsync("/analysis");
        await page.GetByTestId("analysis-cluster").SelectOptionAsync(TestArchive.TestClusterName);
        await page.GetByTestId("analysis-apply").ClickAsync();
        await page.WaitForURLAsync($"**/analysis?cluster={TestArchive.TestClusterName}");
        await Assertions.Expect(Row(page, "ant-dave").GetByTestId("analysis-jobs")).ToHaveTextAsync("2");
        await Assertions.Expect(Row(page, "ant-erin").GetByTestId("analysis-jobs")).ToHaveTextAsync("1");
        var topNodeHours = await page.GetByTestId("top-node-hours").GetByTestId("top-value").AllInnerTextsAsync();
        Assert.InRange(topNodeHours.Count, 1, 10);
        Assert.Equal(Numbers(topNodeHours).OrderDescending(), Numbers(topNodeHours));
        await Assertions.Expect(page.GetByTestId("histogram-nodes")).ToHaveAttributeAsync("data-drawn", new System.Text.RegularExpressions.Regex("^[1-9]"));

        await page.GetByTestId("analysis-group").SelectOptionAsync("project");
        await page.GetByTestId("analysis-apply").ClickAsync();
        await page.WaitForURLAsync("**/analysis?cluster=testcluster&groupBy=project");
        await Assertions.Expect(Row(page, "ant-proj").GetByTestId("analysis-jobs")).ToHaveTextAsync("3");

        await page.GetByTestId("analysis-sort-TOTALJOBS").ClickAsync();
        await page.WaitForURLAsync("**/analysis?cluster=testcluster&groupBy=project&sort=TOTALJOBS");
        var counts = Numbers(await page.GetByTestId("analysis-jobs").AllInnerTextsAsync());
        Assert.Equal(counts.OrderDescending(), counts);

        var bad = await page.GotoAsync("/analysis?groupBy=colour");
        Assert.Equal(200, bad!.Status);
        await Assertions.Expect(page.GetByTestId("filter-errors")).ToContainTextAsync("groupBy: 'colour' is neither user nor project");
    }

    [Fact]
    public async Task Analysis_Screenshot()
    {
        chromium.RequireBrowser();
        var page = await site.SignedInPageAsync(chromium.Browser, "admin");
        await using var pageContext = page.Context;

        await page.GotoAsync("/analysis");
        await Assertions.Expect(page.GetByTestId("analysis-table")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("histogram-duration")).ToHaveAttributeAsync("data-drawn", "24");
        await Screenshots.SaveAsync(page, "analysis");
    }

    private static List<long> Numbers(IEnumerable<string> texts) =>
        [.. texts.Select(t => long.Parse(t.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture))];

    private static ILocator Row(IPage page, string id) => page.Locator($"[data-testid=analysis-row][data-id='{id}']");

    private Task<long> StartAsync(long jobId, string user, string project, long startTime, int nodes, string host = "host123") =>
        site.StartJobAsync(new
        {
            jobId,
            user,
            project,
            cluster = TestArchive.TestClusterName,
            partition = "main",
            walltime = 7200,
            numNodes = nodes,
            numHwthreads = 8 * nodes,
            resources = Enumerable.Range(0, nodes).Select(i => new { hostname = i == 0 ? host : $"host{123 + i}" }).ToArray(),
            metaData = new Dictionary<string, string> { ["jobName"] = $"stat-{jobId}" },
            startTime,
        });
}
