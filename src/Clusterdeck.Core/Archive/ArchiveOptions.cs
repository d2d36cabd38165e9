using Clusterdeck.Core.Storage;

namespace Clusterdeck.Core.Archive;

/// <summary>The <c>Archive</c> section: where the job archive (cc-backend's format, version 3) lives.</summary>
public sealed class ArchiveOptions
{
    public const string SectionName = "Archive";

    /// <summary>Archive root. Empty means <c>&lt;Storage:DataDirectory&gt;/job-archive</c>; relative paths are taken from the working directory.</summary>
    public string Path { get; set; } = "";

    public string ResolvePath(StorageOptions storage) =>
        System.IO.Path.GetFullPath(Path.Length == 0 ? System.IO.Path.Combine(storage.ResolvedDataDirectory, "job-archive") : Path);
}
