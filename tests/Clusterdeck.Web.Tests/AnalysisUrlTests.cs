using Clusterdeck.Core.Jobs.Queries;
using Clusterdeck.Web.Statistics;

namespace Clusterdeck.Web.Tests;

public sealed class AnalysisUrlTests
{
    [Theory]
    [InlineData("")]
    [InlineData("?cluster=fritz")]
    [InlineData("?cluster=fritz&start=last30d&groupBy=project&sort=TOTALJOBS")]
    [InlineData("?start=2026-01-01..2026-01-31")]
    public void ToQueryString_ParsedAddress_IsTheSame(string query)
    {
        var (url, errors) = AnalysisUrl.Parse(query);

        Assert.Empty(errors);
        Assert.Equal(query, url.ToQueryString());
    }

    [Theory]
    [InlineData("?groupBy=colour", "groupBy: 'colour' is neither user nor project")]
    [InlineData("?sort=TOTALFUN", "sort: 'TOTALFUN' is not one of")]
    [InlineData("?start=soon", "start: 'soon' is neither")]
    [InlineData("?page=2", "'page' is not an analysis parameter")]
    public void Parse_BadValue_ReportsIt(string query, string error) =>
        Assert.Contains(AnalysisUrl.Parse(query).Errors, e => e.StartsWith(error, StringComparison.Ordinal));

    [Fact]
    public void ToJobFilter_ClusterAndStart()
    {
        var (url, _) = AnalysisUrl.Parse("?cluster=fritz&start=last7d&groupBy=project");

        var filter = url.ToJobFilter();

        Assert.Equal("fritz", filter.Cluster!.Eq);
        Assert.Equal(new TimeRange { Range = "last7d" }, filter.StartTime);
        Assert.Equal(StatisticsGrouping.Project, url.GroupBy);
        Assert.Null(new AnalysisUrl().ToJobFilter().Cluster);
    }
}
