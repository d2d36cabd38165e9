namespace Clusterdeck.Data.Entities;

/// <summary>Row of table <c>settings</c>: one site-wide value by name, and when it last changed (Unix seconds).</summary>
internal sealed class SettingEntity
{
    public required string Name { get; set; }
    public required string Value { get; set; }
    public long UpdatedAt { get; set; }
}
