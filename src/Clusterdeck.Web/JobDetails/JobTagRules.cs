using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Web.JobDetails;

/// <summary>
/// What the tag editor offers a caller, by <see cref="TagService"/>'s scope rules (the service checks them again on every
/// change): a private tag (scope = the username) for everyone, <c>global</c> for admin and support, <c>admin</c> for admin.
/// </summary>
public static class JobTagRules
{
    /// <summary>The scopes the caller may create and attach tags in, their own private scope first.</summary>
    public static IReadOnlyList<string> WritableScopes(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return [.. new[] { caller.Username, TagScopes.Global, TagScopes.Admin }.Where(scope => TagService.CanWrite(caller, scope))];
    }

    /// <summary>Existing tags the caller may attach that the job does not have yet, by type and name.</summary>
    public static IReadOnlyList<Tag> Addable(Caller caller, IEnumerable<Tag> all, IEnumerable<Tag> attached)
    {
        ArgumentNullException.ThrowIfNull(all);
        var have = attached.Select(t => t.Id).ToHashSet();
        return [.. all.Where(t => !have.Contains(t.Id) && TagService.CanRead(caller, t.Scope) && TagService.CanWrite(caller, t.Scope))
            .OrderBy(t => t.Type, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal)];
    }

    /// <summary>Whether the caller may take the tag off a job.</summary>
    public static bool CanRemove(Caller caller, Tag tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return TagService.CanWrite(caller, tag.Scope);
    }

    /// <summary>How a scope reads in the UI: <c>private</c> for the caller's own, the name otherwise.</summary>
    public static string ScopeLabel(Caller caller, string scope)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return scope == caller.Username ? "private" : scope;
    }
}
