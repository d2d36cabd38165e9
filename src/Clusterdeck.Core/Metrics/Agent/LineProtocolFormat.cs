using System.Globalization;
using System.Text;

namespace Clusterdeck.Core.Metrics.Agent;

/// <summary>
/// Writes node metrics as InfluxDB line protocol the way cc-metric-collector's http sink does:
/// <c>cpu_user,hostname=n01,type=hwthread,type-id=3 value=12.5 1700000000</c> — measurement = metric name, tags in
/// key order, one float field <c>value</c>, timestamp in seconds (the precision cc-metric-store accepts).
/// </summary>
public static class LineProtocolFormat
{
    /// <summary>One line per finite value (line protocol has no NaN or infinity), all with the same host and time.</summary>
    public static string Encode(IEnumerable<NodeMetric> metrics, string hostname, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var builder = new StringBuilder();
        var seconds = time.ToUnixTimeSeconds();
        foreach (var metric in metrics)
        {
            AppendLine(builder, metric, hostname, seconds);
        }

        return builder.ToString();
    }

    /// <summary>Appends one line ending in <c>\n</c>; nothing when the value is not finite.</summary>
    public static void AppendLine(StringBuilder builder, NodeMetric metric, string hostname, long unixSeconds)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!double.IsFinite(metric.Value))
        {
            return;
        }

        AppendEscaped(builder, metric.Name, measurement: true);
        builder.Append(",hostname=");
        AppendEscaped(builder, hostname, measurement: false);
        builder.Append(",type=");
        AppendEscaped(builder, metric.Type, measurement: false);
        if (metric.TypeId is { } typeId)
        {
            builder.Append(",type-id=");
            AppendEscaped(builder, typeId, measurement: false);
        }

        // Shortest round-trip form, exponent in lower case: what Go's FormatFloat(v, 'g', -1, 64) prints for cc's encoder.
        builder.Append(" value=").Append(metric.Value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e'))
            .Append(' ').Append(unixSeconds.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    /// <summary>
    /// Line protocol escapes commas and spaces in a measurement, and commas, spaces and equals signs in tag keys
    /// and values, with a backslash. A line break cannot be escaped at all, so names containing one are refused.
    /// </summary>
    public static void AppendEscaped(StringBuilder builder, string text, bool measurement)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (c is '\n' or '\r')
            {
                throw new ArgumentException($"'{text.ReplaceLineEndings(" ")}' contains a line break, which line protocol cannot carry", nameof(text));
            }

            if (c is ',' or ' ' || (c == '=' && !measurement))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }
    }
}
