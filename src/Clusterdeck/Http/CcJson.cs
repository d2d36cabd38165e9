using System.Text.Json;
using System.Text.Json.Serialization;
using Clusterdeck.Core.Errors;

namespace Clusterdeck.Http;

/// <summary>
/// Request bodies on cc-backend's routes are decoded as its Go decoder does: an unknown field is an error,
/// field names match case-insensitively, and a number that does not fit its field is an error.
/// </summary>
internal static class CcJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Reads the body as <typeparamref name="T"/>; a body that does not decode is an <see cref="InvalidInputException"/> whose message starts with <paramref name="what"/>.</summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken)
                ?? throw new InvalidInputException($"{what}: the body is empty or null");
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"{what}: {e.Message}");
        }
    }
}
