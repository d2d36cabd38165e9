using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Jobs.Queries;

namespace Clusterdeck.Core.Jobs;

/// <summary>
/// Which jobs a caller may see, exactly as cc-backend's <c>SecurityCheck</c>: a caller whose only role is
/// <c>api</c>, and admin and support, see all jobs; a manager sees their own jobs and those of their
/// projects (only their own when they manage none); a user sees their own; anyone else nothing.
/// </summary>
public static class JobAccess
{
    /// <summary>The caller's visibility; throws <see cref="AccessDeniedException"/> for a caller without a job role.</summary>
    public static JobVisibility VisibilityFor(Caller caller, IReadOnlyList<string> managedProjects)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Roles.Count == 1 && caller.HasRole(Role.Api))
        {
            return JobVisibility.All;
        }

        if (caller.HasRole(Role.Admin) || caller.HasRole(Role.Support))
        {
            return JobVisibility.All;
        }

        if (caller.HasRole(Role.Manager))
        {
            return managedProjects.Count == 0
                ? JobVisibility.OwnJobs(caller.Username)
                : JobVisibility.OwnAndProjectJobs(caller.Username, managedProjects);
        }

        if (caller.HasRole(Role.User))
        {
            return JobVisibility.OwnJobs(caller.Username);
        }

        throw new AccessDeniedException("user has no or unknown roles");
    }

    /// <summary>Whether a job falls inside a visibility.</summary>
    public static bool CanSee(JobVisibility visibility, Job job)
    {
        ArgumentNullException.ThrowIfNull(visibility);
        ArgumentNullException.ThrowIfNull(job);
        return visibility.IsUnrestricted
            || string.Equals(job.User, visibility.User, StringComparison.Ordinal)
            || visibility.Projects.Contains(job.Project, StringComparer.Ordinal);
    }

    /// <summary>
    /// Whether a caller may open the view of a whole project (its jobs and statistics): callers who see all jobs, and
    /// managers of that project. A plain user has no project view; their own jobs are their user view.
    /// </summary>
    public static bool CanViewProject(JobVisibility visibility, string project)
    {
        ArgumentNullException.ThrowIfNull(visibility);
        return visibility.IsUnrestricted || visibility.Projects.Contains(project, StringComparer.Ordinal);
    }
}
