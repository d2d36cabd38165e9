namespace Clusterdeck.Core.Jobs.Queries;

/// <summary>A histogram bin: <see cref="Value"/> is the bin, <see cref="Count"/> the jobs in it.</summary>
public sealed record HistogramPoint(long Value, long Count);
