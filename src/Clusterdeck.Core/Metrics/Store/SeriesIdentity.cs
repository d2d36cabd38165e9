namespace Clusterdeck.Core.Metrics.Store;

/// <summary>
/// What a stored series measures: a metric on a host, at node level (no type), at one scope id (<c>type</c> +
/// <c>type-id</c>, e.g. hwthread 12), or one level further down (<c>stype</c> + <c>stype-id</c>).
/// </summary>
internal sealed record SeriesIdentity(
    string Cluster, string Host, string Metric, string? Type, string? TypeId, string? SubType, string? SubTypeId)
{
    /// <summary>cc-metric-store's level name for the scope: the type followed by the id (<c>hwthread12</c>).</summary>
    public string? ScopeKey => Type is null ? null : Type + TypeId;

    public string? SubScopeKey => SubType is null ? null : SubType + SubTypeId;

    public override string ToString() =>
        $"{Cluster}/{Host}/{Metric}{(Type is null ? "" : $"/{Type}{TypeId}")}{(SubType is null ? "" : $"/{SubType}{SubTypeId}")}";
}
