using Clusterdeck.Core.Clusters;

namespace Clusterdeck.Core.Tests.Clusters;

public sealed class NodeListTests
{
    [Theory]
    [InlineData("f[0101-0188,0201-0288]", "f0101", true)]
    [InlineData("f[0101-0188,0201-0288]", "f0188", true)]
    [InlineData("f[0101-0188,0201-0288]", "f0250", true)]
    [InlineData("f[0101-0188,0201-0288]", "f0189", false)]
    [InlineData("f[0101-0188,0201-0288]", "f101", false)]
    [InlineData("f[0101-0188,0201-0288]", "f01010", false)]
    [InlineData("a0[1-2]0,b[01-10]", "a010", true)]
    [InlineData("a0[1-2]0,b[01-10]", "a020", true)]
    [InlineData("a0[1-2]0,b[01-10]", "a030", false)]
    [InlineData("a0[1-2]0,b[01-10]", "b07", true)]
    [InlineData("a0[1-2]0,b[01-10]", "b7", false)]
    [InlineData("a0[1-2]0,b[01-10]", "b11", false)]
    [InlineData("login,compute[001-100]", "login", true)]
    [InlineData("login,compute[001-100]", "login2", false)]
    [InlineData("login,compute[001-100]", "compute050", true)]
    [InlineData("cn-00[10-20],cn-00[50-60]", "cn-0055", true)]
    [InlineData("cn-00[10-20],cn-00[50-60]", "cn-0030", false)]
    [InlineData("node01", "node01", true)]
    [InlineData("node01", "node0", false)]
    [InlineData("*", "anything-at-all", true)]
    [InlineData("a[0531-0537],a[0631-0633],a0831,a[0931-0934]", "a0831", true)]
    [InlineData("a[0531-0537],a[0631-0633],a0831,a[0931-0934]", "a0832", false)]
    public void Contains_Expression_MatchesExactlyTheNamedHosts(string expression, string host, bool expected)
    {
        Assert.Equal(expected, NodeList.Parse(expression).Contains(host));
    }

    [Theory]
    [InlineData("node[01-03],login", "node01,node02,node03,login")]
    [InlineData("a0[1-2]0", "a010,a020")]
    [InlineData("x[8-9,10-11]", "x8,x9,x10,x11")]
    [InlineData("x[08-09,10-11]", "x08,x09,x10,x11")]
    [InlineData("r[1-2]n[01-02]", "r1n01,r1n02,r2n01,r2n02")]
    public void Expand_Expression_ListsNamesInOrderWithPadding(string expression, string? expected)
    {
        if (expected is null)
        {
            Assert.Throws<FormatException>(() => NodeList.Parse(expression));
            return;
        }

        var list = NodeList.Parse(expression);
        Assert.Equal(expected.Split(','), list.Expand());
        Assert.Equal(expected.Split(',').Length, list.Count);
    }

    [Fact]
    public void Count_FritzMainNodes_IsSumOfRangesWithoutExpanding()
    {
        var list = NodeList.Parse("f[0101-0188,0201-0288,0301-0388,0401-0488,0501-0588,0601-0688,0701-0788,0801-0888,0901-0988,1001-1088,1101-1156,1201-1256]");

        Assert.Equal((10 * 88) + (2 * 56), list.Count);
        Assert.Equal(list.Count, list.Expand().Count());
    }

    [Theory]
    [InlineData("a[1-10]", "not of equal length")]
    [InlineData("a[01-9]", "not of equal length")]
    [InlineData("a[-]", "not of equal length")]
    [InlineData("a[01-02", "unclosed '['")]
    [InlineData("a01-02]", "']' without '['")]
    [InlineData("a[0102]", "is not a range")]
    [InlineData("a[0x-0y]", "at most 9 digits")]
    [InlineData("a[09-01]", "runs backwards")]
    [InlineData("a,,b", "empty term")]
    [InlineData("a,", "empty term")]
    [InlineData("", "empty term")]
    [InlineData("a b", "invalid character ' '")]
    [InlineData("a/b", "invalid character '/'")]
    [InlineData("a[[01-02]]", "nested '['")]
    public void Parse_BadExpression_ThrowsWithReason(string expression, string reason)
    {
        var error = Assert.Throws<FormatException>(() => NodeList.Parse(expression));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{expression}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expand_All_Throws()
    {
        Assert.True(NodeList.Parse("*").MatchesAll);
        Assert.Throws<InvalidOperationException>(() => NodeList.All.Expand().ToList());
    }
}
