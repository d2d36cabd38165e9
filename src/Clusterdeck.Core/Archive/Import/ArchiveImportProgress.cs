namespace Clusterdeck.Core.Archive.Import;

/// <summary>Jobs seen so far, and how many of them were stored or skipped.</summary>
public readonly record struct ArchiveImportProgress(long Seen, long Imported, long Skipped);
