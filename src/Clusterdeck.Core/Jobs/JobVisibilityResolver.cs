using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Jobs.Queries;

namespace Clusterdeck.Core.Jobs;

/// <summary>Resolves a caller's <see cref="JobVisibility"/>, reading a manager's projects from their account.</summary>
public sealed class JobVisibilityResolver(IUserStore users)
{
    public async Task<JobVisibility> ForAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        IReadOnlyList<string> projects = [];
        if (caller.HasRole(Role.Manager) && !caller.HasRole(Role.Admin) && !caller.HasRole(Role.Support))
        {
            projects = (await users.FindAsync(caller.Username, cancellationToken))?.Projects ?? [];
        }

        return JobAccess.VisibilityFor(caller, projects);
    }
}
