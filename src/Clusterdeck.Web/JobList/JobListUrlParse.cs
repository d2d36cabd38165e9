namespace Clusterdeck.Web.JobList;

/// <summary>A parsed job-list URL and what was wrong with it; with errors, <see cref="Url"/> holds only the valid parts.</summary>
public sealed record JobListUrlParse(JobListUrl Url, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
