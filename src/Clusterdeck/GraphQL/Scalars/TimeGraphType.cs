using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Clusterdeck.GraphQL.Scalars;

/// <summary>
/// cc-backend's <c>Time</c> (gqlgen's <c>time.Time</c>): an RFC 3339 string on the wire. Internally a
/// <see cref="DateTimeOffset"/>; resolvers return one built from Unix seconds, written in UTC.
/// </summary>
internal sealed class TimeGraphType : ScalarGraphType
{
    public TimeGraphType()
    {
        Name = "Time";
    }

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateTimeOffset time => Format(time),
        DateTime time => Format(new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc))),
        long seconds => Format(DateTimeOffset.FromUnixTimeSeconds(seconds)),
        _ => ThrowSerializationError(value),
    };

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue text => Parse((string)text.Value) ?? ThrowLiteralConversionError(value, "expected an RFC 3339 time such as 2024-01-31T12:00:00Z"),
        _ => ThrowLiteralConversionError(value, "expected an RFC 3339 time string"),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string text => Parse(text) ?? ThrowValueConversionError(value),
        DateTimeOffset time => time,
        _ => ThrowValueConversionError(value),
    };

    private static string Format(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture).Replace("+00:00", "Z", StringComparison.Ordinal);

    private static DateTimeOffset? Parse(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) && text.Contains('T', StringComparison.Ordinal)
            ? time
            : null;
}
