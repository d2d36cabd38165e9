using Clusterdeck.Core.Jobs.Queries;
using Clusterdeck.Web.JobList;

namespace Clusterdeck.Web.Tests;

public sealed class JobListUrlTests
{
    [Theory]
    [InlineData("")]
    [InlineData("?cluster=fritz&partition=singlenode")]
    [InlineData("?user=ali*&project=*climate*&jobName=lammps")]
    [InlineData("?jobId=123,456&state=failed,timeout&tag=3,7")]
    [InlineData("?node=f01*&start=last7d")]
    [InlineData("?start=2026-03-01..2026-03-31")]
    [InlineData("?start=2026-03-01T14:30..")]
    [InlineData("?start=..2026-03-31T06:00")]
    [InlineData("?duration=1h30m..2d&nodes=2..8&accs=4")]
    [InlineData("?duration=..1m30s")]
    [InlineData("?fp.flops_any_avg=10..100.5&fp.mem_used_max=..16")]
    [InlineData("?sort=-fp.flops_any_avg&page=3&perPage=100")]
    [InlineData("?sort=user")]
    public void ToQueryString_ParsedCanonicalAddress_IsTheSame(string query)
    {
        var parsed = JobListUrl.Parse(query);

        Assert.Empty(parsed.Errors);
        Assert.Equal(query, parsed.Url.ToQueryString());
    }

    [Fact]
    public void Parse_RepeatedAndUntidyValues_NormalisedInAFixedOrder()
    {
        var parsed = JobListUrl.Parse("?state=running&state=failed,running&tag=2&tag=2,5&perPage=25&sort=-startTime&page=1&user=&duration=3600..7200&accs=..90");

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        Assert.Equal("?state=running,failed&tag=2,5&duration=1h..2h&accs=..90", parsed.Url.ToQueryString());
    }

    [Theory]
    [InlineData("?nodes=many", "nodes: 'many' is not a whole number")]
    [InlineData("?nodes=8..2", "nodes: the range's lower end 8 is above its upper end 2")]
    [InlineData("?accs=..", "accs: give at least one end of the range")]
    [InlineData("?duration=1x", "duration: '1x' is not a duration")]
    [InlineData("?duration=30m1h", "duration: '30m1h' is not a duration")]
    [InlineData("?state=sleeping", "state: 'sleeping' is not a job state")]
    [InlineData("?tag=red", "tag: 'red' is not a tag id")]
    [InlineData("?jobId=12a", "jobId: '12a' is not a job id")]
    [InlineData("?start=yesterday", "start: 'yesterday' is neither last6h")]
    [InlineData("?start=2026-02-30..", "start: '2026-02-30' is not a date")]
    [InlineData("?start=2026-03-02..2026-03-01", "start: the range starts after it ends")]
    [InlineData("?user=a*b", "user: '*' may only stand at the start or the end of 'a*b'")]
    [InlineData("?fp.flops-any=1..2", "fp.flops-any: 'flops-any' is not a footprint metric name")]
    [InlineData("?fp.flops_any_avg=low", "fp.flops_any_avg: 'low' is not a number")]
    [InlineData("?sort=colour", "sort: unknown column 'colour'")]
    [InlineData("?sort=-fp.a%20b", "sort: 'a b' is not a footprint metric name")]
    [InlineData("?page=0", "page: '0' is not a page number")]
    [InlineData("?perPage=30", "perPage: '30' is not one of 25, 50, 100")]
    [InlineData("?cluster=a&cluster=b", "cluster: given 2 times, but takes one value")]
    [InlineData("?colour=red", "'colour' is not a job list parameter")]
    public void Parse_BadValue_ReportsTheParameterAndWhy(string query, string error)
    {
        var parsed = JobListUrl.Parse(query);

        Assert.False(parsed.IsValid);
        Assert.Contains(parsed.Errors, e => e.StartsWith(error, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_SeveralBadValues_ReportsEachAndKeepsTheGoodOnes()
    {
        var parsed = JobListUrl.Parse("?nodes=x&cluster=fritz&state=nope");

        Assert.Equal(2, parsed.Errors.Count);
        Assert.Equal("fritz", parsed.Url.Cluster);
    }

    [Theory]
    [InlineData("user=alice", "Eq", "alice")]
    [InlineData("user=ali*", "StartsWith", "ali")]
    [InlineData("user=*ice", "EndsWith", "ice")]
    [InlineData("user=*lic*", "Contains", "lic")]
    public void ToJobFilter_UserWithWildcards_ChoosesTheOperator(string query, string operation, string value)
    {
        var user = JobListUrl.Parse(query).Url.ToJobFilter().User!;

        var set = new Dictionary<string, string?>
        {
            ["Eq"] = user.Eq,
            ["StartsWith"] = user.StartsWith,
            ["EndsWith"] = user.EndsWith,
            ["Contains"] = user.Contains,
        };
        Assert.Equal(value, set[operation]);
        Assert.Single(set.Values, v => v is not null);
    }

    [Fact]
    public void ToJobFilter_EveryFilter_MapsOntoTheStoresFilter()
    {
        var url = JobListUrl.Parse(
            "?cluster=fritz&partition=multi*&project=p1&jobName=lammps&node=f0649&jobId=5&state=running,failed&tag=4" +
            "&start=2026-03-01..2026-03-31&duration=1h..&nodes=2..8&accs=0&fp.flops_any_avg=..50").Url;

        var filter = url.ToJobFilter();

        Assert.Equal("fritz", filter.Cluster!.Eq);
        Assert.Equal("multi", filter.Partition!.StartsWith);
        Assert.Equal("p1", filter.Project!.Eq);
        Assert.Equal("lammps", filter.JobName!.Contains);
        Assert.Equal("f0649", filter.Node!.Eq);
        Assert.Equal("5", filter.JobId!.Eq);
        Assert.Equal(["running", "failed"], filter.State!);
        Assert.Equal([4L], filter.Tags!);
        Assert.Equal(new TimeRange { From = 1772323200, To = 1775001599 }, filter.StartTime);
        Assert.Equal(new IntRange(3600, long.MaxValue), filter.Duration);
        Assert.Equal(new IntRange(2, 8), filter.NumNodes);
        Assert.Equal(new IntRange(0, 0), filter.NumAccelerators);
        var metric = Assert.Single(filter.MetricStats!);
        Assert.Equal(("flops_any_avg", double.MinValue, 50.0), (metric.MetricName, metric.Range.From, metric.Range.To));
        Assert.Null(filter.User);
    }

    [Fact]
    public void ToJobFilter_NamedStartWindow_LeftToTheStoresClock()
    {
        Assert.Equal(new TimeRange { Range = "last24h" }, JobListUrl.Parse("?start=last24h").Url.ToJobFilter().StartTime);
    }

    [Fact]
    public void ToJobQuery_FixedFiltersComeFirst_PageAndOrderFromTheUrl()
    {
        var fixedUser = new JobFilter { User = StringInput.Equal("bob") };

        var query = JobListUrl.Parse("?sort=-fp.mem_bw_avg&page=2&perPage=50").Url.ToJobQuery([fixedUser]);

        Assert.Equal(fixedUser, query.Filters[0]);
        Assert.Equal(2, query.Filters.Count);
        Assert.Equal(new JobOrder("mem_bw_avg", JobOrder.Footprint, Descending: true), query.Order);
        Assert.Equal(new PageRequest(50, 2), query.Page);
        Assert.True(query.IncludeCount);
    }

    [Fact]
    public void Default_NewestFirstTwentyFivePerPage()
    {
        var query = JobListUrl.Default.ToJobQuery([]);

        Assert.Equal(JobOrder.Newest, query.Order);
        Assert.Equal(new PageRequest(25, 1), query.Page);
        Assert.False(JobListUrl.Default.HasFilters);
        Assert.True(JobListUrl.Parse("?nodes=2").Url.HasFilters);
        Assert.False(JobListUrl.Parse("?sort=user&page=4").Url.HasFilters);
    }

    [Fact]
    public void SortedBy_AnotherOrder_BackToTheFirstPage()
    {
        var url = JobListUrl.Parse("?cluster=fritz&page=7").Url;

        Assert.Equal("?cluster=fritz&sort=duration", url.SortedBy(new JobListSort("duration", false, false)).ToQueryString());
        Assert.Equal("?cluster=fritz&page=8", url.AtPage(8).ToQueryString());
        Assert.Equal("?cluster=fritz", url.AtPage(0).ToQueryString());
    }
}
