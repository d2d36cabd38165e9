using Clusterdeck.Core.Jobs.Queries;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Inputs;

/// <summary>cc-backend's <c>FloatRange</c> (inclusive).</summary>
internal sealed class FloatRangeGraphType : InputObjectGraphType
{
    public FloatRangeGraphType()
    {
        Name = "FloatRange";
        Field<NonNullGraphType<FloatGraphType>>("from");
        Field<NonNullGraphType<FloatGraphType>>("to");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new FloatRange(value.GetDouble("from") ?? 0, value.GetDouble("to") ?? 0);
}
