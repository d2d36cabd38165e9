namespace Clusterdeck.Core.Archive.Import;

/// <summary>The outcome of an archive import: jobs stored, jobs skipped grouped by reason, tags attached and the time it took.</summary>
public sealed record ArchiveImportResult(long Imported, IReadOnlyList<ImportReasonSummary> Skipped, int TagAttachments, TimeSpan Elapsed)
{
    public long SkippedCount => Skipped.Sum(s => (long)s.Count);

    public double JobsPerSecond => Elapsed > TimeSpan.Zero ? Imported / Elapsed.TotalSeconds : 0;
}
