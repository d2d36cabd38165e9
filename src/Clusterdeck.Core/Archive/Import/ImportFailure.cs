namespace Clusterdeck.Core.Archive.Import;

/// <summary>Why a job was not imported: <see cref="Reason"/> groups failures in the summary, <see cref="Message"/> says what exactly.</summary>
public readonly record struct ImportFailure(string Reason, string Message)
{
    public const string Unreadable = "unreadable meta.json";
    public const string UnknownCluster = "unknown cluster";
    public const string UnknownSubCluster = "no matching subcluster";
    public const string Invalid = "invalid job";
    public const string Duplicate = "duplicate";
}
