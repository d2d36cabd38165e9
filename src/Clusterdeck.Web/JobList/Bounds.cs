namespace Clusterdeck.Web.JobList;

/// <summary>An inclusive range from the URL (<c>2..8</c>, <c>1h..</c>, <c>..100</c>); either end may be open, never both.</summary>
public sealed record Bounds(double? Min, double? Max);
