using System.Globalization;
using System.Text;
using Clusterdeck.Core.Jobs.Queries;

namespace Clusterdeck.Web.Statistics;

/// <summary>The <c>points</c> attribute of a <c>&lt;cd-histogram&gt;</c>: <c>[[x, count], …]</c> as JSON.</summary>
public static class HistogramPoints
{
    /// <summary>The points with each bin's value divided by <paramref name="xDivisor"/> (3600 shows duration bins in hours).</summary>
    public static string Json(IReadOnlyList<HistogramPoint> points, double xDivisor = 1)
    {
        ArgumentNullException.ThrowIfNull(points);
        var json = new StringBuilder("[");
        foreach (var point in points)
        {
            if (json.Length > 1)
            {
                json.Append(',');
            }

            json.Append('[').Append((point.Value / xDivisor).ToString("R", CultureInfo.InvariantCulture))
                .Append(',').Append(point.Count.ToString(CultureInfo.InvariantCulture)).Append(']');
        }

        return json.Append(']').ToString();
    }
}
