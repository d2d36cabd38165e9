using System.Globalization;
using System.Text;
using Clusterdeck.Core.Errors;

namespace Clusterdeck.Core.Metrics.Store;

/// <summary>
/// InfluxDB line protocol over UTF-8 bytes, as cc-metric-collector writes it:
/// <c>measurement[,tag=value...] field=value[,field=value...] [timestamp]</c>.
/// A backslash escapes the next character (comma, space and equals sign in names and tag values; quote and
/// backslash in string fields). Every error is an <see cref="InvalidInputException"/> naming the line.
/// </summary>
/// <remarks>
/// The per-line methods work on spans and allocate nothing; only <see cref="ParseSeriesKey"/>, which runs once per
/// distinct series text, creates strings.
/// </remarks>
internal static class LineProtocolParser
{
    // The largest magnitudes Go's line-protocol decoder accepts in each unit (the value must fit in int64 nanoseconds).
    private const long MaxSeconds = long.MaxValue / 1_000_000_000;
    private const long MaxMilliseconds = long.MaxValue / 1_000_000;
    private const long MaxMicroseconds = long.MaxValue / 1_000;

    public static bool TryParsePrecision(string? text, out TimestampPrecision precision)
    {
        precision = text switch
        {
            null or "" => TimestampPrecision.Auto,
            "s" => TimestampPrecision.Seconds,
            "ms" => TimestampPrecision.Milliseconds,
            "us" or "u" => TimestampPrecision.Microseconds,
            "ns" or "n" => TimestampPrecision.Nanoseconds,
            _ => (TimestampPrecision)(-1),
        };
        return precision >= TimestampPrecision.Auto;
    }

    /// <summary>
    /// The next line with content from <paramref name="body"/> at <paramref name="position"/>, without its line end;
    /// blank lines and <c>#</c> comments are skipped (but counted in <paramref name="lineNumber"/>).
    /// </summary>
    public static bool NextLine(ReadOnlySpan<byte> body, ref int position, ref int lineNumber, out ReadOnlySpan<byte> line)
    {
        while (position < body.Length)
        {
            var rest = body[position..];
            var end = rest.IndexOf((byte)'\n');
            var raw = end < 0 ? rest : rest[..end];
            position += end < 0 ? rest.Length : end + 1;
            lineNumber++;
            raw = raw.TrimEnd((byte)'\r').TrimStart(" \t"u8);
            if (raw.IsEmpty || raw[0] == (byte)'#' || raw.TrimEnd(" \t"u8).IsEmpty)
            {
                continue;
            }

            line = raw;
            return true;
        }

        line = default;
        return false;
    }

    /// <summary>Length of the series part (measurement and tags): up to the first unescaped space.</summary>
    public static int SeriesKeyLength(ReadOnlySpan<byte> line, int lineNumber)
    {
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == (byte)'\\')
            {
                i++;
            }
            else if (c == (byte)' ')
            {
                if (i == 0)
                {
                    throw Error(lineNumber, "the measurement is missing", line);
                }

                return i;
            }
        }

        throw Error(lineNumber, "no fields: expected 'measurement,tags value=N [timestamp]'", line);
    }

    /// <summary>
    /// Reads the fields and the timestamp after the series part. Returns the <c>value</c> field as a float;
    /// the time is in Unix seconds, or <paramref name="now"/> when the line has no timestamp.
    /// </summary>
    public static (float Value, long Time) ParseFieldsAndTime(
        ReadOnlySpan<byte> line, int keyLength, TimestampPrecision precision, long now, int lineNumber)
    {
        var rest = line[(keyLength + 1)..].TrimStart((byte)' ');
        var fieldsLength = FieldsLength(rest, lineNumber, line);
        var value = ParseFields(rest[..fieldsLength], lineNumber, line);
        var timestamp = rest[fieldsLength..].Trim(" \t"u8);
        var time = timestamp.IsEmpty ? now : ParseTimestamp(timestamp, precision, lineNumber, line);
        return (value, time);
    }

    /// <summary>The measurement and the tags the store reads; throws when the hostname is missing or a tag is malformed.</summary>
    public static LineSeriesKey ParseSeriesKey(ReadOnlySpan<byte> key, int lineNumber)
    {
        var parts = SplitUnescaped(key, (byte)',');
        var measurement = Unescape(key[parts[0]]);
        if (measurement.Length == 0)
        {
            throw Error(lineNumber, "the measurement is missing", key);
        }

        string? cluster = null, host = null, type = null, typeId = null, subType = null, subTypeId = null;
        for (var p = 1; p < parts.Count; p++)
        {
            var tag = key[parts[p]];
            var equals = IndexOfUnescaped(tag, (byte)'=');
            if (equals <= 0 || equals == tag.Length - 1)
            {
                throw Error(lineNumber, $"tag '{Encoding.UTF8.GetString(tag)}' is not key=value", key);
            }

            var name = Unescape(tag[..equals]);
            var value = Unescape(tag[(equals + 1)..]);
            switch (name)
            {
                case "cluster":
                    cluster = value;
                    break;
                case "hostname" or "host":
                    host = value;
                    break;
                case "type":
                    type = value;
                    break;
                case "type-id":
                    typeId = value;
                    break;
                case "stype" or "subtype":
                    subType = value;
                    break;
                case "stype-id":
                    subTypeId = value;
                    break;
                default:
                    // cc-metric-collector adds tags the store does not keep (unit, for example).
                    break;
            }
        }

        if (host is null)
        {
            throw Error(lineNumber, "the 'hostname' tag is missing", key);
        }

        if (type == MetricScopes.Node)
        {
            // cc-metric-store files node-typed lines at the host itself.
            type = null;
            typeId = null;
        }

        if ((type is null) != (typeId is null))
        {
            throw Error(lineNumber, "tags 'type' and 'type-id' must come together", key);
        }

        if ((subType is null) != (subTypeId is null))
        {
            throw Error(lineNumber, "tags 'stype' and 'stype-id' must come together", key);
        }

        if (subType is not null && type is null)
        {
            throw Error(lineNumber, "tag 'stype' needs 'type' and 'type-id'", key);
        }

        return new LineSeriesKey(measurement, cluster, host, type, typeId, subType, subTypeId);
    }

    public static InvalidInputException Error(int lineNumber, string problem, ReadOnlySpan<byte> text)
    {
        const int MaxShown = 120;
        var shown = Encoding.UTF8.GetString(text.Length > MaxShown ? text[..MaxShown] : text);
        return new InvalidInputException($"line {lineNumber}: {problem} (in '{shown}{(text.Length > MaxShown ? "..." : "")}')");
    }

    /// <summary>Length of the field set: up to the first space outside a quoted string.</summary>
    private static int FieldsLength(ReadOnlySpan<byte> rest, int lineNumber, ReadOnlySpan<byte> line)
    {
        var quoted = false;
        for (var i = 0; i < rest.Length; i++)
        {
            var c = rest[i];
            if (c == (byte)'\\')
            {
                i++;
            }
            else if (c == (byte)'"')
            {
                quoted = !quoted;
            }
            else if (c == (byte)' ' && !quoted)
            {
                return i;
            }
        }

        if (quoted)
        {
            throw Error(lineNumber, "unterminated string field", line);
        }

        return rest.Length;
    }

    private static float ParseFields(ReadOnlySpan<byte> fields, int lineNumber, ReadOnlySpan<byte> line)
    {
        if (fields.IsEmpty)
        {
            throw Error(lineNumber, "no fields: expected 'measurement,tags value=N [timestamp]'", line);
        }

        var found = false;
        var result = 0f;
        var position = 0;
        while (true)
        {
            var field = fields[position..];
            var equals = IndexOfUnescaped(field, (byte)'=');
            if (equals <= 0)
            {
                throw Error(lineNumber, equals == 0 ? "a field has no name" : "a field has no '=value'", line);
            }

            var name = field[..equals];
            var valueStart = equals + 1;
            int valueLength;
            if (valueStart < field.Length && field[valueStart] == (byte)'"')
            {
                valueLength = QuotedLength(field[valueStart..], lineNumber, line);
            }
            else
            {
                valueLength = field[valueStart..].IndexOf((byte)',');
                valueLength = valueLength < 0 ? field.Length - valueStart : valueLength;
            }

            var value = field.Slice(valueStart, valueLength);
            if (value.IsEmpty)
            {
                throw Error(lineNumber, $"field '{Encoding.UTF8.GetString(name)}' has no value", line);
            }

            if (name.SequenceEqual("value"u8))
            {
                result = ParseNumber(value, lineNumber, line);
                found = true;
            }

            position += valueStart + valueLength;
            if (position == fields.Length)
            {
                break;
            }

            if (fields[position] != (byte)',' || position + 1 == fields.Length)
            {
                throw Error(lineNumber, "fields must be separated by single commas", line);
            }

            position++;
        }

        if (!found)
        {
            throw Error(lineNumber, "the 'value' field is missing", line);
        }

        return result;
    }

    private static int QuotedLength(ReadOnlySpan<byte> value, int lineNumber, ReadOnlySpan<byte> line)
    {
        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] == (byte)'\\')
            {
                i++;
            }
            else if (value[i] == (byte)'"')
            {
                return i + 1;
            }
        }

        throw Error(lineNumber, "unterminated string field", line);
    }

    private static float ParseNumber(ReadOnlySpan<byte> text, int lineNumber, ReadOnlySpan<byte> line)
    {
        var last = text[^1];
        if (text[0] == (byte)'"')
        {
            throw Error(lineNumber, "the 'value' field is a string, not a number", line);
        }

        if (last is (byte)'i' or (byte)'u')
        {
            var digits = text[..^1];
            var style = last == (byte)'i' ? NumberStyles.AllowLeadingSign : NumberStyles.None;
            if (digits.IsEmpty || !long.TryParse(digits, style, CultureInfo.InvariantCulture, out var integer)
                || (last == (byte)'u' && integer < 0))
            {
                if (last == (byte)'u' && ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var large))
                {
                    return large;
                }

                throw Error(lineNumber, $"the 'value' field '{Encoding.UTF8.GetString(text)}' is not an integer", line);
            }

            return integer;
        }

        var first = text[0];
        if (!(char.IsAsciiDigit((char)first) || first is (byte)'-' or (byte)'+' or (byte)'.')
            || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            throw Error(lineNumber, $"the 'value' field '{Encoding.UTF8.GetString(text)}' is not a number", line);
        }

        var single = (float)number;
        if (!float.IsFinite(single))
        {
            throw Error(lineNumber, $"the 'value' field '{Encoding.UTF8.GetString(text)}' is out of range", line);
        }

        return single;
    }

    private static long ParseTimestamp(ReadOnlySpan<byte> text, TimestampPrecision precision, int lineNumber, ReadOnlySpan<byte> line)
    {
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var raw))
        {
            throw Error(lineNumber, $"the timestamp '{Encoding.UTF8.GetString(text)}' is not an integer", line);
        }

        if (precision == TimestampPrecision.Auto)
        {
            var magnitude = raw == long.MinValue ? long.MaxValue : Math.Abs(raw);
            precision = magnitude <= MaxSeconds ? TimestampPrecision.Seconds
                : magnitude <= MaxMilliseconds ? TimestampPrecision.Milliseconds
                : magnitude <= MaxMicroseconds ? TimestampPrecision.Microseconds
                : TimestampPrecision.Nanoseconds;
        }

        return precision switch
        {
            TimestampPrecision.Seconds => raw,
            TimestampPrecision.Milliseconds => TimeSlots.FloorDiv(raw, 1_000),
            TimestampPrecision.Microseconds => TimeSlots.FloorDiv(raw, 1_000_000),
            _ => TimeSlots.FloorDiv(raw, 1_000_000_000),
        };
    }

    private static int IndexOfUnescaped(ReadOnlySpan<byte> text, byte wanted)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == (byte)'\\')
            {
                i++;
            }
            else if (text[i] == wanted)
            {
                return i;
            }
        }

        return -1;
    }

    private static List<Range> SplitUnescaped(ReadOnlySpan<byte> text, byte separator)
    {
        var parts = new List<Range>(8);
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == (byte)'\\')
            {
                i++;
            }
            else if (text[i] == separator)
            {
                parts.Add(new Range(start, i));
                start = i + 1;
            }
        }

        parts.Add(new Range(start, text.Length));
        return parts;
    }

    /// <summary>Removes the backslash before an escaped comma, space, equals sign or backslash; other backslashes stay.</summary>
    private static string Unescape(ReadOnlySpan<byte> text)
    {
        if (text.IndexOf((byte)'\\') < 0)
        {
            return Encoding.UTF8.GetString(text);
        }

        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == (byte)'\\' && i + 1 < text.Length && text[i + 1] is (byte)',' or (byte)' ' or (byte)'=' or (byte)'\\')
            {
                i++;
            }

            bytes.Add(text[i]);
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }
}
