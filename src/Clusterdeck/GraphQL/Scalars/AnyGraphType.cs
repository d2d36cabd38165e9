using GraphQL.Types;
using GraphQLParser.AST;

namespace Clusterdeck.GraphQL.Scalars;

/// <summary>cc-backend's <c>Any</c>: an arbitrary JSON value, used for a job's <c>metaData</c>. Output only here.</summary>
internal sealed class AnyGraphType : ScalarGraphType
{
    public AnyGraphType()
    {
        Name = "Any";
    }

    public override object? Serialize(object? value) => value;

    public override object? ParseValue(object? value) => value;

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue text => (string)text.Value,
        GraphQLBooleanValue boolean => boolean.BoolValue,
        GraphQLIntValue or GraphQLFloatValue => double.Parse(((IHasValueNode)value).Value.Span, System.Globalization.CultureInfo.InvariantCulture),
        _ => ThrowLiteralConversionError(value, "Any accepts only scalar literals here"),
    };
}
