using System.Globalization;
using System.Text;
using Clusterdeck.Core.Jobs.Queries;

namespace Clusterdeck.Web.JobList;

/// <summary>
/// The value syntax of the filter URLs, shared by the job list and the analysis page: ranges <c>min..max</c>, durations
/// (<c>90</c>, <c>45m</c>, <c>1h30m</c>, <c>2d</c>), UTC dates (<c>2026-03-01</c> or <c>2026-03-01T14:30</c>) and text with
/// <c>*</c> wildcards at either end. Each parser returns null and an error message naming the parameter on bad input.
/// </summary>
public static class FilterValues
{
    public const string RangeSeparator = "..";

    private static readonly (char Unit, long Seconds)[] DurationUnits = [('d', 86400), ('h', 3600), ('m', 60), ('s', 1)];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    /// <summary>Footprint keys as the store accepts them: <c>&lt;metric&gt;_&lt;stat&gt;</c>, letters, digits and underscores.</summary>
    public static bool IsFootprintKey(string key) =>
        key.Length is > 0 and <= 100 && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>
    /// Text matching: <c>abc</c> is equal (or contains, where <paramref name="containsWhenPlain"/>), <c>abc*</c> starts with,
    /// <c>*abc</c> ends with, <c>*abc*</c> contains. Null for empty text or a lone <c>*</c>.
    /// </summary>
    public static StringInput? Text(string name, string value, bool containsWhenPlain, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(errors);
        var leading = value.StartsWith('*');
        var trailing = value.Length > 1 && value.EndsWith('*');
        var core = value[(leading ? 1 : 0)..(value.Length - (trailing ? 1 : 0))];
        if (core.Length == 0)
        {
            return null;
        }

        if (core.Contains('*', StringComparison.Ordinal))
        {
            errors.Add($"{name}: '*' may only stand at the start or the end of '{value}'");
            return null;
        }

        return (leading, trailing) switch
        {
            (true, true) => new StringInput { Contains = core },
            (true, false) => new StringInput { EndsWith = core },
            (false, true) => new StringInput { StartsWith = core },
            _ => containsWhenPlain ? new StringInput { Contains = core } : StringInput.Equal(core),
        };
    }

    /// <summary>A range of whole numbers (<c>2..8</c>, <c>4..</c>, <c>..16</c>, or <c>4</c> for exactly 4).</summary>
    public static Bounds? Count(string name, string value, List<string> errors) =>
        Range(name, value, "a whole number", errors, text =>
            long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null);

    /// <summary>A range of numbers with a fraction allowed (<c>0.5..2</c>), for footprint values.</summary>
    public static Bounds? Number(string name, string value, List<string> errors) =>
        Range(name, value, "a number", errors, text =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : null);

    /// <summary>A range of durations in seconds (<c>1h..</c>, <c>10m..2h</c>).</summary>
    public static Bounds? DurationRange(string name, string value, List<string> errors) =>
        Range(name, value, "a duration such as 90, 45m, 1h30m or 2d", errors, text => ParseDuration(text));

    /// <summary><c>last6h</c> … <c>last30d</c>, or a range of UTC dates or date-times; a date alone as the upper end means the whole day.</summary>
    public static StartRange? Start(string name, string value, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(errors);
        if (StartRange.Presets.Contains(value, StringComparer.Ordinal))
        {
            return new StartRange(value, null, null);
        }

        var separator = value.IndexOf(RangeSeparator, StringComparison.Ordinal);
        if (separator < 0)
        {
            errors.Add($"{name}: '{value}' is neither {string.Join(", ", StartRange.Presets)} nor a range of dates like 2026-03-01..2026-03-31");
            return null;
        }

        var fromText = value[..separator];
        var toText = value[(separator + RangeSeparator.Length)..];
        long? from = null;
        long? to = null;
        if (fromText.Length > 0)
        {
            from = ParseTime(fromText, endOfDay: false);
            if (from is null)
            {
                errors.Add($"{name}: '{fromText}' is not a date (2026-03-01) or a UTC time (2026-03-01T14:30)");
                return null;
            }
        }

        if (toText.Length > 0)
        {
            to = ParseTime(toText, endOfDay: true);
            if (to is null)
            {
                errors.Add($"{name}: '{toText}' is not a date (2026-03-01) or a UTC time (2026-03-01T14:30)");
                return null;
            }
        }

        if (from is null && to is null)
        {
            errors.Add($"{name}: give at least one end of the range");
            return null;
        }

        if (from > to)
        {
            errors.Add($"{name}: the range starts after it ends");
            return null;
        }

        return new StartRange(null, from, to);
    }

    /// <summary>Seconds from <c>90</c>, <c>90s</c>, <c>45m</c>, <c>1h30m</c>, <c>2d</c>; null when it is none of these.</summary>
    public static long? ParseDuration(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var plain))
        {
            return plain;
        }

        long total = 0;
        var number = 0L;
        var digits = 0;
        var lastUnit = -1;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                if (digits >= 9)
                {
                    return null;
                }

                number = (number * 10) + (c - '0');
                digits++;
                continue;
            }

            var unit = Array.FindIndex(DurationUnits, u => u.Unit == char.ToLowerInvariant(c));
            // Units must come largest first, once each, each after a number.
            if (unit <= lastUnit || digits == 0)
            {
                return null;
            }

            total += number * DurationUnits[unit].Seconds;
            lastUnit = unit;
            number = 0;
            digits = 0;
        }

        return digits == 0 ? total : null;
    }

    /// <summary>Seconds in the shortest form <see cref="ParseDuration"/> reads back: <c>5400</c> → <c>1h30m</c>.</summary>
    public static string FormatDuration(long seconds)
    {
        if (seconds <= 0)
        {
            return "0";
        }

        var text = new StringBuilder();
        foreach (var (unit, size) in DurationUnits)
        {
            if (seconds >= size)
            {
                text.Append((seconds / size).ToString(CultureInfo.InvariantCulture)).Append(unit);
                seconds %= size;
            }
        }

        return text.ToString();
    }

    /// <summary>A Unix time as the URL writes it: the date alone at midnight (or, as an upper end, at the day's last second), else date and time.</summary>
    public static string FormatTime(long unixSeconds, bool endOfDay)
    {
        var time = DateTimeOffset.FromUnixTimeSeconds(endOfDay ? unixSeconds + 1 : unixSeconds).UtcDateTime;
        if (time.TimeOfDay == TimeSpan.Zero)
        {
            return (endOfDay ? time.AddDays(-1) : time).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var exact = DateTimeOffset.FromUnixTimeSeconds(unixSeconds).UtcDateTime;
        return exact.ToString(exact.Second == 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
    }

    public static string FormatNumber(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string FormatRange(Bounds bounds, Func<double, string> format)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        ArgumentNullException.ThrowIfNull(format);
        if (bounds.Min is { } min && bounds.Max is { } max && min.Equals(max))
        {
            return format(min);
        }

        return (bounds.Min is { } from ? format(from) : "") + RangeSeparator + (bounds.Max is { } to ? format(to) : "");
    }

    public static string FormatStart(StartRange start)
    {
        ArgumentNullException.ThrowIfNull(start);
        return start.Last
            ?? (start.From is { } from ? FormatTime(from, endOfDay: false) : "") + RangeSeparator + (start.To is { } to ? FormatTime(to, endOfDay: true) : "");
    }

    private static long? ParseTime(string text, bool endOfDay)
    {
        if (!DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
        {
            return null;
        }

        var seconds = new DateTimeOffset(time, TimeSpan.Zero).ToUnixTimeSeconds();
        // "..2026-03-31" means up to the end of that day; a time of day is taken as written.
        return endOfDay && text.Length == 10 ? seconds + 86399 : seconds;
    }

    private static Bounds? Range(string name, string value, string what, List<string> errors, Func<string, double?> parse)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(errors);
        var separator = value.IndexOf(RangeSeparator, StringComparison.Ordinal);
        if (separator < 0)
        {
            if (parse(value) is { } exact)
            {
                return new Bounds(exact, exact);
            }

            errors.Add($"{name}: '{value}' is not {what} or a range like min..max");
            return null;
        }

        var minText = value[..separator];
        var maxText = value[(separator + RangeSeparator.Length)..];
        double? min = null;
        double? max = null;
        if (minText.Length > 0 && (min = parse(minText)) is null)
        {
            errors.Add($"{name}: '{minText}' is not {what}");
            return null;
        }

        if (maxText.Length > 0 && (max = parse(maxText)) is null)
        {
            errors.Add($"{name}: '{maxText}' is not {what}");
            return null;
        }

        if (min is null && max is null)
        {
            errors.Add($"{name}: give at least one end of the range");
            return null;
        }

        if (min > max)
        {
            errors.Add($"{name}: the range's lower end {minText} is above its upper end {maxText}");
            return null;
        }

        return new Bounds(min, max);
    }
}
