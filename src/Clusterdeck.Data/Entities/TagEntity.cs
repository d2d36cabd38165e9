namespace Clusterdeck.Data.Entities;

/// <summary>Row of table <c>tag</c>; unique on (type, name, scope).</summary>
internal sealed class TagEntity
{
    public long Id { get; set; }
    public required string Type { get; set; }
    public required string Name { get; set; }
    public required string Scope { get; set; }
}
