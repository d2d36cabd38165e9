using Clusterdeck.Core.Configuration;

namespace Clusterdeck.Core.Tests.Configuration;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("24h", 24 * 3600.0)]
    [InlineData("30m", 30 * 60.0)]
    [InlineData("1h30m", 5400.0)]
    [InlineData("90s", 90.0)]
    [InlineData("1.5h", 5400.0)]
    [InlineData("2h45m30.5s", (2 * 3600) + (45 * 60) + 30.5)]
    [InlineData("300ms", 0.3)]
    [InlineData("1m1m", 120.0)]
    [InlineData(".5s", 0.5)]
    [InlineData("1.s", 1.0)]
    [InlineData("+5m", 300.0)]
    [InlineData("-1h", -3600.0)]
    [InlineData("0", 0.0)]
    [InlineData("-0", 0.0)]
    [InlineData("0s", 0.0)]
    public void TryParse_ValidDuration_ReturnsTimeSpan(string text, double expectedSeconds)
    {
        Assert.True(GoDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), duration);
    }

    [Theory]
    [InlineData("1us", 10)]
    [InlineData("1\u00b5s", 10)]
    [InlineData("1\u03bcs", 10)]
    [InlineData("100ns", 1)]
    [InlineData("199ns", 1)]
    [InlineData("99ns", 0)]
    [InlineData("1.0000001s", 10_000_001)]
    public void TryParse_SubMillisecondUnits_TruncatesToTicks(string text, long expectedTicks)
    {
        Assert.True(GoDuration.TryParse(text, out var duration));
        Assert.Equal(expectedTicks, duration.Ticks);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("1")]
    [InlineData("10")]
    [InlineData("h")]
    [InlineData(".h")]
    [InlineData("1d")]
    [InlineData("1H")]
    [InlineData("1 h")]
    [InlineData(" 1h")]
    [InlineData("1h ")]
    [InlineData("1h-5m")]
    [InlineData("--1h")]
    [InlineData("-")]
    [InlineData("1.2.3s")]
    [InlineData("1h30")]
    public void TryParse_InvalidSyntax_ReturnsFalse(string? text)
    {
        Assert.False(GoDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.Zero, duration);
    }

    [Theory]
    [InlineData("99999999999999999999999999999999h")]
    [InlineData("256204779h")]
    [InlineData("9999999999999999999999ns")]
    [InlineData("256204778h256204778h")]
    public void TryParse_BeyondTimeSpanRange_ReturnsFalse(string text)
    {
        Assert.False(GoDuration.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_LargestWholeHoursThatFit_ReturnsTimeSpan()
    {
        var hours = (long)TimeSpan.MaxValue.TotalHours;

        Assert.True(GoDuration.TryParse($"{hours}h", out var duration));
        Assert.Equal(TimeSpan.FromHours(hours), duration);
    }
}
