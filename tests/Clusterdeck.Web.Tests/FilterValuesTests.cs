using Clusterdeck.Web.JobList;

namespace Clusterdeck.Web.Tests;

public sealed class FilterValuesTests
{
    [Theory]
    [InlineData("90", 90L)]
    [InlineData("90s", 90L)]
    [InlineData("45m", 2700L)]
    [InlineData("1h30m", 5400L)]
    [InlineData("2d", 172800L)]
    [InlineData("1d2h3m4s", 93784L)]
    [InlineData("1H", 3600L)]
    [InlineData("", null)]
    [InlineData("h", null)]
    [InlineData("1h1d", null)]
    [InlineData("1h1h", null)]
    [InlineData("1.5h", null)]
    [InlineData("-5", null)]
    [InlineData("10y", null)]
    [InlineData("9999999999h", null)]
    public void ParseDuration_Text_Seconds(string text, long? seconds) => Assert.Equal(seconds, FilterValues.ParseDuration(text));

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(59L, "59s")]
    [InlineData(3600L, "1h")]
    [InlineData(5400L, "1h30m")]
    [InlineData(93784L, "1d2h3m4s")]
    public void FormatDuration_Seconds_ShortestText(long seconds, string text)
    {
        Assert.Equal(text, FilterValues.FormatDuration(seconds));
        Assert.Equal(seconds, FilterValues.ParseDuration(text));
    }

    [Theory]
    [InlineData(1772323200L, false, "2026-03-01")]
    [InlineData(1772409599L, true, "2026-03-01")]
    [InlineData(1772375400L, false, "2026-03-01T14:30")]
    [InlineData(1772375400L, true, "2026-03-01T14:30")]
    [InlineData(1772375405L, false, "2026-03-01T14:30:05")]
    public void FormatTime_UnixSeconds_DateOrDateAndTime(long seconds, bool endOfDay, string text) =>
        Assert.Equal(text, FilterValues.FormatTime(seconds, endOfDay));

    [Fact]
    public void Start_DateAsUpperEnd_IncludesTheWholeDay()
    {
        var errors = new List<string>();

        var range = FilterValues.Start("start", "2026-03-01..2026-03-01", errors);

        Assert.Empty(errors);
        Assert.Equal(new StartRange(null, 1772323200, 1772409599), range);
    }
}
