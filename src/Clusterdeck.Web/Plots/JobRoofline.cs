using System.Globalization;
using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Clusters;

namespace Clusterdeck.Web.Plots;

/// <summary>
/// The roofline of a job: every sample of every node where both flops_any and mem_bw have a value becomes a point
/// (intensity = flops / bandwidth, performance = flops), as ClusterCockpit's job view draws it.
/// </summary>
internal static class JobRoofline
{
    public const string FlopsMetric = "flops_any";
    public const string BandwidthMetric = "mem_bw";

    /// <summary>The roofline endpoint of a job (Plots/JobPlotDataEndpoints).</summary>
    public static string Source(long dbId, int resolution) => resolution > 0
        ? string.Create(CultureInfo.InvariantCulture, $"/ui/data/jobs/{dbId}/roofline?resolution={resolution}")
        : string.Create(CultureInfo.InvariantCulture, $"/ui/data/jobs/{dbId}/roofline");

    public static RooflinePlotData Build(JobMetric flops, JobMetric bandwidth, SubCluster? subCluster)
    {
        ArgumentNullException.ThrowIfNull(flops);
        ArgumentNullException.ThrowIfNull(bandwidth);
        var byHost = bandwidth.Series.GroupBy(s => s.Hostname, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var intensity = new List<double>();
        var performance = new List<double>();
        var time = new List<double>();
        foreach (var series in flops.Series)
        {
            if (!byHost.TryGetValue(series.Hostname, out var memory))
            {
                continue;
            }

            var length = Math.Min(series.Data.Length, memory.Data.Length);
            for (var i = 0; i < length; i++)
            {
                var gigaFlops = UnitScale.ToGiga(series.Data[i], flops.Unit);
                var gigaBytes = UnitScale.ToGiga(memory.Data[i], bandwidth.Unit);
                var ratio = gigaFlops / gigaBytes;
                // A log-log plot has no place for zero or a missing sample.
                if (!double.IsFinite(ratio) || ratio <= 0 || gigaFlops <= 0)
                {
                    continue;
                }

                intensity.Add(Round(ratio));
                performance.Add(Round(gigaFlops));
                time.Add(Math.Round((double)i / Math.Max(length, 1), 4));
            }
        }

        return new RooflinePlotData(
            UnitScale.ToGiga(subCluster?.FlopRateScalar.Value ?? 0, subCluster?.FlopRateScalar.Unit),
            UnitScale.ToGiga(subCluster?.FlopRateSimd.Value ?? 0, subCluster?.FlopRateSimd.Unit),
            UnitScale.ToGiga(subCluster?.MemoryBandwidth.Value ?? 0, subCluster?.MemoryBandwidth.Unit),
            intensity, performance, time);
    }

    // Four significant digits are more than a log plot can show, and keep the answer small.
    private static double Round(double value)
    {
        var digits = Math.Clamp(3 - (int)Math.Floor(Math.Log10(value)), 0, 12);
        return Math.Round(value, digits);
    }
}
