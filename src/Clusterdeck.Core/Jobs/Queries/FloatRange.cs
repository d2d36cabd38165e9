namespace Clusterdeck.Core.Jobs.Queries;

/// <summary>Inclusive float range.</summary>
public sealed record FloatRange(double From, double To);
