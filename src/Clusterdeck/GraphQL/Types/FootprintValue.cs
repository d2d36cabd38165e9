namespace Clusterdeck.GraphQL.Types;

/// <summary>One footprint entry of a job: the stored key <c>flops_any_avg</c> split into metric name and statistic.</summary>
internal sealed record FootprintValue(string Name, string Stat, double Value)
{
    public static IReadOnlyList<FootprintValue> From(IReadOnlyDictionary<string, double>? footprint) =>
        footprint is null ? [] : [.. footprint.Select(entry => Split(entry.Key, entry.Value))];

    private static FootprintValue Split(string key, double value)
    {
        // The statistic is the part after the last underscore; metric names may contain underscores themselves.
        var last = key.LastIndexOf('_');
        return last < 0 ? new FootprintValue("", key, value) : new FootprintValue(key[..last], key[(last + 1)..], value);
    }
}
