namespace Clusterdeck.Core.Jobs;

/// <summary>How a job shared its nodes (cc-backend's <c>shared</c> column).</summary>
public static class SharedModes
{
    public const string None = "none";
    public const string SingleUser = "single_user";
    public const string MultiUser = "multi_user";

    public static bool IsValid(string? mode) => mode is None or SingleUser or MultiUser;
}
