using Clusterdeck.Web.Components;

namespace Clusterdeck.Web.Tests;

public sealed class FormatTests
{
    [Theory]
    [InlineData(0, "00:00:00")]
    [InlineData(3725, "01:02:05")]
    [InlineData(2 * 86400 + 3 * 3600 + 4 * 60 + 5, "2d 03:04:05")]
    [InlineData(-5, "00:00:00")]
    public void Duration_Seconds_ClockWithDays(long seconds, string expected) => Assert.Equal(expected, Format.Duration(seconds));

    [Theory]
    [InlineData(0.5, "0.50")]
    [InlineData(12.345, "12.3")]
    [InlineData(1250, "1.25 k")]
    [InlineData(3_400_000_000, "3.40 G")]
    [InlineData(double.NaN, "–")]
    public void Number_Value_ThreeDigitsWithPrefix(double value, string expected) => Assert.Equal(expected, Format.Number(value));
}
