using GraphQL.Types;
using GraphQLParser.AST;

namespace Clusterdeck.GraphQL.Scalars;

/// <summary>
/// A string scalar with its own name, as cc-backend declares several (<c>JobState</c>, <c>MetricScope</c>):
/// on the wire a plain string, accepted only when it is one of the allowed values.
/// </summary>
internal abstract class StringScalarGraphType : ScalarGraphType
{
    private readonly Func<string, bool> _isValid;
    private readonly string _expectation;

    protected StringScalarGraphType(string name, Func<string, bool> isValid, string expectation)
    {
        Name = name;
        _isValid = isValid;
        _expectation = expectation;
    }

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        string text => text,
        _ => ThrowSerializationError(value),
    };

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue text when _isValid((string)text.Value) => (string)text.Value,
        GraphQLEnumValue symbol when _isValid((string)symbol.Name.Value) => (string)symbol.Name.Value,
        _ => ThrowLiteralConversionError(value, _expectation),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string text when _isValid(text) => text,
        _ => ThrowValueConversionError(value),
    };
}
