using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

internal sealed class FootprintValueGraphType : ObjectGraphType<FootprintValue>
{
    public FootprintValueGraphType()
    {
        Name = "FootprintValue";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("stat").Resolve(c => c.Source.Stat);
        Field<NonNullGraphType<FloatGraphType>>("value").Resolve(c => c.Source.Value);
    }
}
