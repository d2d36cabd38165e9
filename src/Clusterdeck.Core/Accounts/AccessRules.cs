namespace Clusterdeck.Core.Accounts;

/// <summary>The role rules every adapter shares. Adapters ask; they never decide on their own.</summary>
public static class AccessRules
{
    /// <summary>
    /// cc-backend's rule for its <c>/api/*</c> routes: a token whose roles are exactly <c>[api]</c>, or
    /// that holds both <c>admin</c> and <c>api</c>. A session cookie never qualifies.
    /// </summary>
    public static bool CanUseCompatibilityApi(Caller caller) =>
        caller.Method == AuthMethod.Token
        && caller.HasRole(Role.Api)
        && (caller.Roles.Count == 1 || caller.HasRole(Role.Admin));

    public static bool CanManageUsers(Caller caller) => caller.HasRole(Role.Admin);

    /// <summary>Admins read every account; everybody reads their own.</summary>
    public static bool CanReadUser(Caller caller, string username) =>
        caller.HasRole(Role.Admin) || string.Equals(caller.Username, username, StringComparison.Ordinal);

    /// <summary>cc-backend's rule for a user's name and email: admin, support and manager see everyone's; others their own.</summary>
    public static bool CanSeeUserProfile(Caller caller, string username) =>
        CanReadUser(caller, username) || caller.HasRole(Role.Support) || caller.HasRole(Role.Manager);

    /// <summary>cc-backend lets only admin and support staff read node states.</summary>
    public static bool CanReadNodeStates(Caller caller) => caller.HasRole(Role.Admin) || caller.HasRole(Role.Support);

    /// <summary>Why <see cref="CanReadNodeStates"/> said no, in cc-backend's words.</summary>
    public const string NodeStatesDenied = "you need to be administrator or support staff for this query";

    /// <summary>cc-backend hides metrics marked <c>restrict</c> from callers whose only role is <c>user</c>.</summary>
    public static bool SeesRestrictedMetrics(Caller caller) => !(caller.Roles.Count == 1 && caller.HasRole(Role.User));
}
