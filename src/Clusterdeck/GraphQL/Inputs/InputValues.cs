using System.Globalization;
using Clusterdeck.Core.Errors;

namespace Clusterdeck.GraphQL.Inputs;

/// <summary>Reads the parsed fields of an input object into the application's request types.</summary>
internal static class InputValues
{
    public static T? Get<T>(this IDictionary<string, object?> fields, string name) =>
        fields.TryGetValue(name, out var value) && value is T typed ? typed : default;

    public static long? GetLong(this IDictionary<string, object?> fields, string name) =>
        fields.TryGetValue(name, out var value) && value is not null ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;

    public static double? GetDouble(this IDictionary<string, object?> fields, string name) =>
        fields.TryGetValue(name, out var value) && value is not null ? Convert.ToDouble(value, CultureInfo.InvariantCulture) : null;

    public static IReadOnlyList<T>? GetList<T>(this IDictionary<string, object?> fields, string name) =>
        fields.TryGetValue(name, out var value) && value is System.Collections.IEnumerable items and not string
            ? [.. items.Cast<T>()]
            : null;

    /// <summary>A GraphQL <c>ID</c> that must be a database id; cc-backend parses IDs as base-10 int64 too.</summary>
    public static long ParseId(object? id, string what) =>
        id is not null && long.TryParse(Convert.ToString(id, CultureInfo.InvariantCulture), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new InvalidInputException($"{what} '{id}' is not a number");

    public static IReadOnlyList<long>? GetIds(this IDictionary<string, object?> fields, string name, string what) =>
        fields.GetList<object?>(name) is { } ids ? [.. ids.Select(id => ParseId(id, what))] : null;
}
