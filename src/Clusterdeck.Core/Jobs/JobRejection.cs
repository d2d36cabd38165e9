namespace Clusterdeck.Core.Jobs;

/// <summary>Why a job was not accepted: <see cref="Reason"/> groups rejections (in import summaries), <see cref="Message"/> says what exactly.</summary>
public readonly record struct JobRejection(string Reason, string Message)
{
    public const string Unreadable = "unreadable meta.json";
    public const string UnknownCluster = "unknown cluster";
    public const string UnknownSubCluster = "no matching subcluster";
    public const string Invalid = "invalid job";
    public const string Duplicate = "duplicate";
}
