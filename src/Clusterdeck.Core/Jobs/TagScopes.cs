namespace Clusterdeck.Core.Jobs;

/// <summary>The two named tag scopes; any other scope is a username.</summary>
public static class TagScopes
{
    public const string Global = "global";
    public const string Admin = "admin";
}
