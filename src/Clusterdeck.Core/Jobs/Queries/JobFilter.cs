namespace Clusterdeck.Core.Jobs.Queries;

/// <summary>
/// cc-backend's <c>JobFilter</c>: every set condition must hold. A query takes a list of filters, which are
/// combined with AND as well.
/// </summary>
public sealed record JobFilter
{
    /// <summary>Tag ids; a job matches when it has any of them.</summary>
    public IReadOnlyList<long>? Tags { get; init; }

    /// <summary>Database ids; a job matches when its id is any of them.</summary>
    public IReadOnlyList<long>? DbIds { get; init; }

    public StringInput? JobId { get; init; }
    public long? ArrayJobId { get; init; }
    public StringInput? User { get; init; }
    public StringInput? Project { get; init; }

    /// <summary>Matches <c>metaData.jobName</c>.</summary>
    public StringInput? JobName { get; init; }

    public StringInput? Cluster { get; init; }
    public StringInput? SubCluster { get; init; }
    public StringInput? Partition { get; init; }
    public IntRange? Duration { get; init; }
    public FloatRange? Energy { get; init; }
    public IntRange? NumNodes { get; init; }
    public IntRange? NumAccelerators { get; init; }
    public IntRange? NumHWThreads { get; init; }
    public TimeRange? StartTime { get; init; }

    /// <summary>Job states; a job matches when it is in any of them.</summary>
    public IReadOnlyList<string>? State { get; init; }

    /// <summary>Footprint ranges keyed <c>&lt;metric&gt;_&lt;stat&gt;</c> as stored in the footprint.</summary>
    public IReadOnlyList<MetricStatItem>? MetricStats { get; init; }

    public string? Shared { get; init; }

    /// <summary>cc-backend's <c>interactive</c> (job name "interactive") or <c>batch</c> (any other); also <c>core</c> (numNodes = 1 and shared) or <c>node</c> (exclusive).</summary>
    public string? Schedule { get; init; }

    /// <summary>Matches the hostnames in <c>resources</c>.</summary>
    public StringInput? Node { get; init; }
}
