using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Core.Metrics.Sources;

/// <summary>The time span a job's metrics cover: start until stop, or until now while it runs (Unix seconds, end exclusive).</summary>
internal readonly record struct JobWindow(long From, long To)
{
    public static JobWindow Of(Job job, TimeProvider time)
    {
        var to = job.State == JobStates.Running
            ? time.GetUtcNow().ToUnixTimeSeconds()
            : job.StartTime + job.Duration;
        return new JobWindow(job.StartTime, Math.Max(job.StartTime, to));
    }
}
