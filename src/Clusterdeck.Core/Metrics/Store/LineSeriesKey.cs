namespace Clusterdeck.Core.Metrics.Store;

/// <summary>The measurement and the tags of a line that the store reads (unescaped); the other tags are ignored.</summary>
internal sealed record LineSeriesKey(
    string Measurement, string? Cluster, string Host, string? Type, string? TypeId, string? SubType, string? SubTypeId);
