using System.Text.Json.Serialization;

namespace Clusterdeck.Web.Plots;

/// <summary>
/// What a <c>&lt;cd-roofline&gt;</c> element fetches: the subcluster's ceilings and one point per node and sample of the job,
/// with arithmetic intensity (flops_any / mem_bw, F/B) on x and performance (flops_any, GF/s) on y, as ClusterCockpit's
/// job roofline plots them. <see cref="Time"/> places each point in the job's run (0 at the start, towards 1 at the end)
/// so the plot can colour points by time.
/// </summary>
/// <param name="FlopRateScalar">Scalar peak of one node, GF/s (0 when the subcluster does not say).</param>
/// <param name="FlopRateSimd">SIMD peak of one node, GF/s.</param>
/// <param name="MemoryBandwidth">Memory bandwidth of one node, GB/s.</param>
/// <param name="Intensity">Per point, flops per byte.</param>
/// <param name="Performance">Per point, GF/s.</param>
/// <param name="Time">Per point, its place in the run (sample index / samples).</param>
public sealed record RooflinePlotData(
    [property: JsonPropertyName("flopRateScalar")] double FlopRateScalar,
    [property: JsonPropertyName("flopRateSimd")] double FlopRateSimd,
    [property: JsonPropertyName("memoryBandwidth")] double MemoryBandwidth,
    [property: JsonPropertyName("intensity")] IReadOnlyList<double> Intensity,
    [property: JsonPropertyName("performance")] IReadOnlyList<double> Performance,
    [property: JsonPropertyName("time")] IReadOnlyList<double> Time);
