namespace Clusterdeck.Core.Storage;

/// <summary>The <c>Storage</c> section: where Clusterdeck keeps its local files.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Data directory (SQLite file, generated keys, initial admin password). Relative paths are taken from the working directory.</summary>
    public string DataDirectory { get; set; } = "./var";

    public string ResolvedDataDirectory => Path.GetFullPath(DataDirectory);
}
