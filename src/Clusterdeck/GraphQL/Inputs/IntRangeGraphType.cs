using Clusterdeck.Core.Jobs.Queries;
using Clusterdeck.GraphQL.Scalars;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Inputs;

/// <summary>cc-backend's <c>IntRange</c> (inclusive).</summary>
internal sealed class IntRangeGraphType : InputObjectGraphType
{
    public IntRangeGraphType()
    {
        Name = "IntRange";
        Field<NonNullGraphType<GoIntGraphType>>("from");
        Field<NonNullGraphType<GoIntGraphType>>("to");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new IntRange(value.GetLong("from") ?? 0, value.GetLong("to") ?? 0);
}
