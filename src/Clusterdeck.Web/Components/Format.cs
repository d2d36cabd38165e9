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

    /// <summary>A metric unit as written on axes and in tables: prefix and base (<c>GF/s</c>), empty when it has none.</summary>
    public static string Unit(MetricUnit? unit) => unit is null ? "" : (unit.Prefix ?? "") + unit.Base;
}
