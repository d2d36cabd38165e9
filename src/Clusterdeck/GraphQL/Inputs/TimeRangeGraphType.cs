using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Jobs.Queries;
using Clusterdeck.GraphQL.Scalars;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Inputs;

/// <summary>cc-backend's <c>TimeRange</c>: a named range (<c>last6h</c>, <c>last24h</c>, <c>last7d</c>, <c>last30d</c>) or RFC 3339 bounds.</summary>
internal sealed class TimeRangeGraphType : InputObjectGraphType
{
    private static readonly string[] NamedRanges = ["last6h", "last24h", "last7d", "last30d"];

    public TimeRangeGraphType()
    {
        Name = "TimeRange";
        Field<StringGraphType>("range");
        Field<TimeGraphType>("from");
        Field<TimeGraphType>("to");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        var range = value.Get<string>("range");
        if (range is { Length: > 0 } && !NamedRanges.Contains(range, StringComparer.Ordinal))
        {
            throw new InvalidInputException($"unknown time range '{range}'; use one of {string.Join(", ", NamedRanges)} or from/to");
        }

        return new TimeRange
        {
            Range = range is { Length: > 0 } ? range : null,
            From = value.Get<DateTimeOffset?>("from")?.ToUnixTimeSeconds(),
            To = value.Get<DateTimeOffset?>("to")?.ToUnixTimeSeconds(),
        };
    }
}
