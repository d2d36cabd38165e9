using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Core.Archive.Import;

/// <summary>Skipped jobs counted by reason, thread-safe; keeps the first example of each reason.</summary>
internal sealed class SkipTally
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (int Count, string Path, string Message)> _byReason = new(StringComparer.Ordinal);
    private long _total;

    public long Total => Interlocked.Read(ref _total);

    public void Add(JobRejection failure, string path)
    {
        lock (_lock)
        {
            _byReason[failure.Reason] = _byReason.TryGetValue(failure.Reason, out var entry)
                ? (entry.Count + 1, entry.Path, entry.Message)
                : (1, path, failure.Message);
        }

        Interlocked.Increment(ref _total);
    }

    public IReadOnlyList<ImportReasonSummary> Summaries()
    {
        lock (_lock)
        {
            return [.. _byReason.OrderByDescending(p => p.Value.Count).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new ImportReasonSummary(p.Key, p.Value.Count, p.Value.Path, p.Value.Message))];
        }
    }
}
