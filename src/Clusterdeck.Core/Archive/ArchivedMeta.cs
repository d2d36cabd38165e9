using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Core.Archive;

/// <summary>One job directory met while enumerating the archive: its meta.json read into <see cref="Job"/>, or why it could not be.</summary>
public sealed record ArchivedMeta(string Path, Job? Job, string? Error)
{
    public bool Succeeded => Job is not null;
}
