using GraphQL.Types;
using GraphQLParser.AST;

namespace Clusterdeck.GraphQL.Scalars;

/// <summary>
/// cc-backend's <c>NullableFloat</c>: a metric sample, written as a number or as <c>null</c> for a missing one (NaN in
/// memory). Samples are written as the float32 they are stored as, so 0.1 stays 0.1 on the wire. Output only here.
/// </summary>
/// <remarks>
/// cc-backend declares samples <c>[NullableFloat!]!</c> and still writes null for a gap; GraphQL.NET would turn a null
/// result of a non-null type into an error, so a gap serialises to <see cref="MissingSample"/>, which is written as null.
/// </remarks>
internal sealed class NullableFloatGraphType : ScalarGraphType
{
    public NullableFloatGraphType()
    {
        Name = "NullableFloat";
    }

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        float sample => float.IsFinite(sample) ? sample : MissingSample.Instance,
        double sample => double.IsFinite(sample) ? sample : MissingSample.Instance,
        _ => ThrowSerializationError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        float or double or int or long => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
        _ => ThrowValueConversionError(value),
    };

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLIntValue or GraphQLFloatValue => double.Parse(((IHasValueNode)value).Value.Span, System.Globalization.CultureInfo.InvariantCulture),
        _ => ThrowLiteralConversionError(value, "expected a number or null"),
    };
}

