using Bunit;
using Clusterdeck.Web.Components.Nodes;

namespace Clusterdeck.Web.Tests;

public sealed class NodeStateStyleTests : BunitContext
{
    [Theory]
    [InlineData("idle", "success")]
    [InlineData("allocated", "primary")]
    [InlineData("mixed", "info")]
    [InlineData("reserved", "warning")]
    [InlineData("down", "danger")]
    [InlineData("unknown", "secondary")]
    [InlineData("", "secondary")]
    [InlineData(null, "secondary")]
    public void SchedulerColor_State_BootstrapColour(string? state, string expected) => Assert.Equal(expected, NodeStateStyle.SchedulerColor(state));

    [Theory]
    [InlineData("full", "success")]
    [InlineData("partial", "warning")]
    [InlineData("failed", "danger")]
    [InlineData("", "secondary")]
    public void HealthColor_State_BootstrapColour(string? state, string expected) => Assert.Equal(expected, NodeStateStyle.HealthColor(state));

    [Fact]
    public void StateBadge_HealthState_ColouredAsHealthNotAsScheduler()
    {
        // "failed" is no scheduler state: as one it would be grey.
        var badge = Render<StateBadge>(p => p.Add(b => b.State, "failed").Add(b => b.Health, true).Add(b => b.TestId, "h"));

        var span = badge.Find("span");
        Assert.Contains("text-bg-danger", span.ClassList);
        Assert.Equal("failed", span.TextContent);
        Assert.Equal("failed", span.GetAttribute("data-state"));
    }

    [Fact]
    public void StateBadge_NoState_SaysNotReported()
    {
        var badge = Render<StateBadge>(p => p.Add(b => b.State, null));

        Assert.Equal("not reported", badge.Find("span").TextContent);
        Assert.Contains("text-bg-secondary", badge.Find("span").ClassList);
    }
}
