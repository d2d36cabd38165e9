using Clusterdeck.Web.JobList;

namespace Clusterdeck.Web.Tests;

public sealed class JobListPagingTests
{
    [Theory]
    [InlineData(0L, 25, 1)]
    [InlineData(25L, 25, 1)]
    [InlineData(26L, 25, 2)]
    [InlineData(1_000_000L, 100, 10_000)]
    public void LastPage_Count_PagesNeeded(long count, int perPage, int last) => Assert.Equal(last, JobListPaging.LastPage(count, perPage));

    [Theory]
    [InlineData(1, 1, "1")]
    [InlineData(1, 3, "1 2 3")]
    [InlineData(1, 40, "1 2 3 … 40")]
    [InlineData(6, 40, "1 … 4 5 6 7 8 … 40")]
    [InlineData(4, 40, "1 2 3 4 5 6 … 40")]
    [InlineData(40, 40, "1 … 38 39 40")]
    public void Numbers_CurrentAndLast_NeighboursAndEnds(int current, int last, string shown) =>
        Assert.Equal(shown, string.Join(' ', JobListPaging.Numbers(current, last).Select(n => n?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…")));

    [Theory]
    [InlineData("startTime", true)]
    [InlineData("numNodes", true)]
    [InlineData("user", false)]
    [InlineData("state", false)]
    public void DescendingFirst_Column_NumbersLargestFirst(string field, bool descending) => Assert.Equal(descending, JobListPaging.DescendingFirst(field));
}
