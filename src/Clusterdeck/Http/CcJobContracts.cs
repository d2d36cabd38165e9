using System.Text.Json.Serialization;
using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Http;

/// <summary>cc-backend's <c>GET /api/jobs/</c> answer: the page of jobs, the page size and the page number asked for.</summary>
internal sealed record CcJobList(
    [property: JsonPropertyName("jobs")] IReadOnlyList<Job> Jobs,
    [property: JsonPropertyName("items")] int Items,
    [property: JsonPropertyName("page")] int Page);

/// <summary>cc-backend's stop_job body; <c>jobId</c> is required except on the older <c>stop_job/{id}</c> route.</summary>
internal sealed record CcStopJobRequest(
    [property: JsonPropertyName("jobId")] long? JobId,
    [property: JsonPropertyName("cluster")] string? Cluster,
    [property: JsonPropertyName("startTime")] long? StartTime,
    [property: JsonPropertyName("jobState")] string? JobState,
    [property: JsonPropertyName("stopTime")] long StopTime)
{
    public StopJobRequest ToRequest() => new(JobId, Cluster, StartTime, JobState, StopTime);
}

/// <summary>cc-backend's delete_job body.</summary>
internal sealed record CcJobKeyRequest(
    [property: JsonPropertyName("jobId")] long? JobId,
    [property: JsonPropertyName("cluster")] string? Cluster,
    [property: JsonPropertyName("startTime")] long? StartTime);

/// <summary>cc-backend's edit_meta body: one key and its new value.</summary>
internal sealed record CcEditMetaRequest(
    [property: JsonPropertyName("key")] string? Key,
    [property: JsonPropertyName("value")] string? Value);

/// <summary>cc-backend's edit_meta-by-request body: the job's key and the metadata to set.</summary>
internal sealed record CcJobMetaRequest(
    [property: JsonPropertyName("jobId")] long? JobId,
    [property: JsonPropertyName("cluster")] string? Cluster,
    [property: JsonPropertyName("startTime")] long? StartTime,
    [property: JsonPropertyName("payload")] CcEditMetaRequest? Payload);

/// <summary>One tag in cc-backend's tag_job and <c>DELETE /api/tags/</c> bodies.</summary>
internal sealed record CcTagRequest(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("scope")] string? Scope);

/// <summary>cc-backend's used_nodes answer: cluster → hostnames.</summary>
internal sealed record CcUsedNodes(
    [property: JsonPropertyName("usedNodes")] IReadOnlyDictionary<string, IReadOnlyList<string>> UsedNodes);

/// <summary>One metric at one scope in cc-backend's <c>POST /api/jobs/{id}</c> answer.</summary>
internal sealed record CcJobMetricWithName(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("metric")] JobMetric Metric);

/// <summary>cc-backend's <c>GET|POST /api/jobs/{id}</c> answer, with its capitalised keys.</summary>
internal sealed record CcJobWithData(
    [property: JsonPropertyName("Meta")] Job Meta,
    [property: JsonPropertyName("Data")] object? Data);

/// <summary>cc-backend's <c>GET /api/jobs/metrics/{id}</c> answer: data or an error, the other null.</summary>
internal sealed record CcJobMetricsAnswer(
    [property: JsonPropertyName("data")] CcJobMetricsData? Data,
    [property: JsonPropertyName("error")] CcJobMetricsError? Error);

internal sealed record CcJobMetricsData(
    [property: JsonPropertyName("jobMetrics")] IReadOnlyList<CcJobMetricWithName> JobMetrics);

internal sealed record CcJobMetricsError(
    [property: JsonPropertyName("message")] string Message);
