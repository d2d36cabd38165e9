namespace Clusterdeck.Core.Jobs.Queries;

/// <summary>
/// cc-backend's <c>OrderByInput</c>: <see cref="Field"/> is a job field in camelCase (<c>startTime</c>,
/// <c>duration</c>, <c>numNodes</c>, ...) when <see cref="Type"/> is <c>col</c>, or a footprint key
/// (<c>flops_any_avg</c>) when it is <c>foot</c>.
/// </summary>
public sealed record JobOrder(string Field, string Type = JobOrder.Column, bool Descending = false)
{
    public const string Column = "col";
    public const string Footprint = "foot";

    public static JobOrder Newest { get; } = new("startTime", Column, Descending: true);
}
