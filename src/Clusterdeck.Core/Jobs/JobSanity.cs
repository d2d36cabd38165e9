
namespace Clusterdeck.Core.Jobs;

/// <summary>cc-backend's sanity checks for a job entering the job table, whether from start_job or from an archive.</summary>
public static class JobSanity
{
    /// <summary>Null when the job is acceptable, else the reason.</summary>
    public static string? Check(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!JobStates.IsValid(job.State))
        {
            return $"not a valid job state: '{job.State}'";
        }

        if (job.Resources.Count == 0 || job.User.Length == 0)
        {
            return "'resources' and 'user' must not be empty";
        }

        if (job.NumAcc < 0 || job.NumHwthreads < 0 || job.NumNodes < 1)
        {
            return "'numNodes', 'numAcc' or 'numHwthreads' invalid";
        }

        if (job.Resources.Count != job.NumNodes)
        {
            return $"len(resources) does not equal numNodes ({job.Resources.Count} vs {job.NumNodes})";
        }

        if (job.StartTime <= 0 || job.Duration < 0)
        {
            return "'startTime' must be positive and 'duration' not negative";
        }

        return null;
    }
}
