using System.Globalization;
using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Web.Components;

/// <summary>How the UI writes times, durations and measured values, the same on every page.</summary>
public static class Format
{
    private static readonly string[] Prefixes = ["", "k", "M", "G", "T", "P", "E"];

    /// <summary>Seconds as <c>h:mm:ss</c>, with days in front when there are any (<c>2d 03:04:05</c>).</summary>
    public static string Duration(long seconds)
    {
        if (seconds < 0)
        {
            seconds = 0;
        }

        var span = TimeSpan.FromSeconds(seconds);
        var clock = string.Create(CultureInfo.InvariantCulture, $"{span.Hours:00}:{span.Minutes:00}:{span.Seconds:00}");
        return span.Days > 0 ? string.Create(CultureInfo.InvariantCulture, $"{span.Days}d {clock}") : clock;
    }

    /// <summary>A Unix time in UTC, to the minute (<c>2026-11-23 14:05</c>).</summary>
    public static string Time(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The time of day in UTC, to the second (<c>14:05:09</c>), for "updated at" lines of live pages.</summary>
    public static string Clock(DateTimeOffset time) => time.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>How long before <paramref name="nowUnixSeconds"/> a Unix time was, in its largest whole unit (<c>12 s ago</c>, <c>3 h ago</c>).</summary>
    public static string Ago(long unixSeconds, long nowUnixSeconds)
    {
        var seconds = Math.Max(0, nowUnixSeconds - unixSeconds);
        return seconds switch
        {
            < 60 => string.Create(CultureInfo.InvariantCulture, $"{seconds} s ago"),
            < 3600 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60} min ago"),
            < 86400 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600} h ago"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 86400} d ago"),
        };
    }

    /// <summary>A length of time in its largest whole unit (<c>30 days</c>, <c>36 h</c>, <c>90 min</c>, <c>45 s</c>).</summary>
    public static string Span(TimeSpan span) => span switch
    {
        { TotalSeconds: < 0 } => "0 s",
        _ when span.Ticks % TimeSpan.TicksPerDay == 0 && span.Days > 0 => string.Create(CultureInfo.InvariantCulture, $"{span.Days} {(span.Days == 1 ? "day" : "days")}"),
        _ when span.Ticks % TimeSpan.TicksPerHour == 0 && span.TotalHours >= 1 => string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalHours} h"),
        _ when span.Ticks % TimeSpan.TicksPerMinute == 0 && span.TotalMinutes >= 1 => string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalMinutes} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalSeconds} s"),
    };

    /// <summary>A metric's unit as written on axes and in tables, prefix first (<c>GB/s</c>, <c>load</c>); empty when it has none.</summary>
    public static string Unit(MetricUnit? unit) => unit is null ? "" : (unit.Prefix ?? "") + unit.Base;

    /// <summary>A value with three significant digits and an SI prefix when it is large (<c>1.25 k</c>).</summary>
    public static string Number(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return "–";
        }

        var prefix = 0;
        while (Math.Abs(value) >= 1000 && prefix < Prefixes.Length - 1)
        {
            value /= 1000;
            prefix++;
        }

        var digits = Math.Abs(value) >= 100 ? 0 : Math.Abs(value) >= 10 ? 1 : 2;
        var text = value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return prefix == 0 ? text : $"{text} {Prefixes[prefix]}";
    }
}
