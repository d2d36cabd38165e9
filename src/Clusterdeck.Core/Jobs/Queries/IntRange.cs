namespace Clusterdeck.Core.Jobs.Queries;

/// <summary>Inclusive integer range.</summary>
public sealed record IntRange(long From, long To);
