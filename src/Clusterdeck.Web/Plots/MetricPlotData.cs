using System.Text.Json.Serialization;
using Clusterdeck.Core.Archive;

namespace Clusterdeck.Web.Plots;

/// <summary>
/// What a <c>&lt;cd-metric-plot&gt;</c> element fetches from its <c>src</c>: one metric at one scope, in the job-archive's
/// own series format (cc-backend's <c>JobMetric</c>: unit, timestep, series with hostname/id/data, statisticsSeries),
/// plus the time of the first sample, so sample <c>i</c> is at <c>startTime + i * timestep</c>.
/// </summary>
/// <param name="Metric">The metric's name in the cluster's metric config.</param>
/// <param name="Scope">node, socket, memoryDomain, core, hwthread or accelerator.</param>
/// <param name="StartTime">Unix time of the first sample.</param>
/// <param name="Resolution">The timestep the data was resampled to; equal to the native timestep when not resampled.</param>
/// <param name="NativeTimestep">The metric's stored timestep: a zoom may ask for finer data down to this.</param>
/// <param name="Data">The series, in the archive's format.</param>
public sealed record MetricPlotData(
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("startTime")] long StartTime,
    [property: JsonPropertyName("resolution")] int Resolution,
    [property: JsonPropertyName("nativeTimestep")] int NativeTimestep,
    [property: JsonPropertyName("data")] JobMetric Data);
