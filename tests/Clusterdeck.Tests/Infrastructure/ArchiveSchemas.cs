using NJsonSchema;
using NJsonSchema.Validation;

namespace Clusterdeck.Tests.Infrastructure;

/// <summary>
/// The reference archive schemas (cc-lib's <c>schemas/*.schema.json</c>), loaded for validation. They refer to each
/// other as <c>embedfs://NAME</c>; those references are rewritten to the sibling files before loading.
/// </summary>
public static class ArchiveSchemas
{
    private static readonly Lazy<Task<JsonSchema>> MetaSchema = new(() => LoadAsync("job-meta.schema.json"));
    private static readonly Lazy<Task<JsonSchema>> DataSchema = new(() => LoadAsync("job-data.schema.json"));

    public static Task<JsonSchema> Meta => MetaSchema.Value;

    public static Task<JsonSchema> Data => DataSchema.Value;

    /// <summary>Every violation as "path: kind", sorted and without duplicates, so two documents' violations compare as sets.</summary>
    public static IReadOnlyList<string> Violations(JsonSchema schema, string json) =>
        [.. Flatten(schema.Validate(json)).Select(e => $"{e.Path}: {e.Kind}").Distinct().Order(StringComparer.Ordinal)];

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => e is ChildSchemaValidationError child
            ? [e, .. child.Errors.Values.SelectMany(Flatten)]
            : new[] { e });

    private static async Task<JsonSchema> LoadAsync(string name)
    {
        var directory = RepositoryPaths.Reference("clustercockpit/schemas");
        var scratch = Directory.CreateTempSubdirectory("clusterdeck-schemas-").FullName;
        foreach (var file in Directory.GetFiles(directory, "*.schema.json"))
        {
            var text = (await File.ReadAllTextAsync(file))
                .Replace("\"$id\": \"embedfs://", "\"$comment\": \"", StringComparison.Ordinal)
                .Replace("embedfs://", "", StringComparison.Ordinal);
            await File.WriteAllTextAsync(Path.Combine(scratch, Path.GetFileName(file)), text);
        }

        return await JsonSchema.FromFileAsync(Path.Combine(scratch, name));
    }
}
