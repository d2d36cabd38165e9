using System.Text.Json.Serialization;

namespace Clusterdeck.Core.Jobs;

/// <summary>
/// One run on a cluster, in the shape of cc-backend's job (cc-lib <c>schema.Job</c>): the same record is the
/// REST payload, the archive's <c>meta.json</c> and a row of the job table. Property names on the wire
/// are cc-backend's; <see cref="JsonIgnoreCondition.WhenWritingDefault"/> mirrors Go's <c>omitempty</c>.
/// </summary>
public sealed record Job
{
    /// <summary>Database id (used in URLs); absent in the archive and before the job is stored.</summary>
    [JsonPropertyName("id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Id { get; init; }

    [JsonPropertyName("jobId")]
    public long JobId { get; init; }

    [JsonPropertyName("user")]
    public string User { get; init; } = "";

    [JsonPropertyName("project")]
    public string Project { get; init; } = "";

    [JsonPropertyName("cluster")]
    public string Cluster { get; init; } = "";

    [JsonPropertyName("subCluster")]
    public string SubCluster { get; init; } = "";

    [JsonPropertyName("partition")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public string? Partition { get; init; }

    [JsonPropertyName("arrayJobId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long ArrayJobId { get; init; }

    [JsonPropertyName("numNodes")]
    public int NumNodes { get; init; }

    [JsonPropertyName("numHwthreads")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int NumHwthreads { get; init; }

    [JsonPropertyName("numAcc")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int NumAcc { get; init; }

    /// <summary><c>none</c> (the default, as in cc-backend's start_job), <c>single_user</c> or <c>multi_user</c>.</summary>
    [JsonPropertyName("shared")]
    public string Shared { get; init; } = SharedModes.None;

    /// <summary>
    /// 0 disabled, 1 running or archiving, 2 archiving failed, 3 archived (see <see cref="Jobs.MonitoringStatus"/>).
    /// Defaults to 1 as cc-backend's start_job does when the field is absent.
    /// </summary>
    [JsonPropertyName("monitoringStatus")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int MonitoringStatus { get; init; } = Jobs.MonitoringStatus.RunningOrArchiving;

    [JsonPropertyName("smt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Smt { get; init; }

    /// <summary>One of <see cref="JobStates"/>.</summary>
    [JsonPropertyName("jobState")]
    public string State { get; init; } = "";

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("startTime")]
    public long StartTime { get; init; }

    /// <summary>Seconds; for a running job, the time since start when last refreshed.</summary>
    [JsonPropertyName("duration")]
    public int Duration { get; init; }

    /// <summary>Requested time limit in seconds.</summary>
    [JsonPropertyName("walltime")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long Walltime { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("submitTime")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long SubmitTime { get; init; }

    /// <summary>In MB.</summary>
    [JsonPropertyName("requestedMemory")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long RequestedMemory { get; init; }

    [JsonPropertyName("resources")]
    public IReadOnlyList<JobResource> Resources { get; init; } = [];

    [JsonPropertyName("metaData")]
    public IReadOnlyDictionary<string, string>? MetaData { get; init; }

    [JsonPropertyName("tags")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Tag>? Tags { get; init; }

    /// <summary>Total energy in kWh.</summary>
    [JsonPropertyName("energy")]
    public double Energy { get; init; }

    /// <summary>Energy per power metric, kWh.</summary>
    [JsonPropertyName("energyFootprint")]
    public IReadOnlyDictionary<string, double>? EnergyFootprint { get; init; }

    /// <summary>Per footprint metric, keyed <c>&lt;metric&gt;_&lt;stat&gt;</c> (e.g. <c>flops_any_avg</c>).</summary>
    [JsonPropertyName("footprint")]
    public IReadOnlyDictionary<string, double>? Footprint { get; init; }

    /// <summary>Per-metric statistics; written to <c>meta.json</c>, not stored in the job table.</summary>
    [JsonPropertyName("statistics")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, MetricStatistics>? Statistics { get; init; }
}
