using System.Text.Json.Serialization;

namespace Clusterdeck.Core.Jobs;

/// <summary>
/// A job tag. Scope is <c>global</c> (everyone reads, admin/support/api write), <c>admin</c>
/// (admin and support only) or a username (private to that user).
/// </summary>
public sealed record Tag
{
    [JsonPropertyName("id")]
    public long Id { get; init; }

    [JsonPropertyName("type")]
    public string Type { get; init; } = "";

    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    [JsonPropertyName("scope")]
    public string Scope { get; init; } = TagScopes.Global;
}
