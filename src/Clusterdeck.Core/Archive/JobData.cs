namespace Clusterdeck.Core.Archive;

/// <summary>
/// A job's metric data, the content of <c>data.json</c>: metric name → scope (<c>node</c>, <c>socket</c>, <c>core</c>,
/// <c>hwthread</c>, <c>accelerator</c>, <c>memoryDomain</c>) → series (cc-lib <c>schema.JobData</c>).
/// </summary>
public sealed class JobData : Dictionary<string, Dictionary<string, JobMetric>>
{
    public JobData()
        : base(StringComparer.Ordinal)
    {
    }
}
