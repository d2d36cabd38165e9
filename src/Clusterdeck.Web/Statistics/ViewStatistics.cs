using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Jobs.Queries;
using Clusterdeck.Web.JobList;

namespace Clusterdeck.Web.Statistics;

/// <summary>The statistics shown above a user's or project's job list: over the jobs the list shows.</summary>
public static class ViewStatistics
{
    /// <summary>
    /// Statistics with histograms over <paramref name="fixedFilter"/> and the list filter in <paramref name="queryString"/>; when
    /// that filter is not valid (the list shows why), over the fixed filter alone.
    /// </summary>
    public static async Task<JobGroupStatistics> ForAsync(JobQueryService jobs, Caller caller, JobFilter fixedFilter, string queryString, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var parsed = JobListUrl.Parse(queryString);
        if (parsed.IsValid)
        {
            try
            {
                return await StatisticsAsync(jobs, caller, [fixedFilter, parsed.Url.ToJobFilter()], cancellationToken);
            }
            catch (InvalidInputException)
            {
                // Same as the list: it shows the reason; the totals fall back to the whole view.
            }
        }

        return await StatisticsAsync(jobs, caller, [fixedFilter], cancellationToken);
    }

    private static async Task<JobGroupStatistics> StatisticsAsync(JobQueryService jobs, Caller caller, IReadOnlyList<JobFilter> filters, CancellationToken cancellationToken)
    {
        var rows = await jobs.StatisticsAsync(caller, new JobStatisticsQuery { Filters = filters, WithHistograms = true }, cancellationToken);
        return rows.Count > 0 ? rows[0] : new JobGroupStatistics();
    }
}
