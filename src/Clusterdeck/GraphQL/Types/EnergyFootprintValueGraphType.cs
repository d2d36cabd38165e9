using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

internal sealed class EnergyFootprintValueGraphType : ObjectGraphType<EnergyFootprintValue>
{
    public EnergyFootprintValueGraphType()
    {
        Name = "EnergyFootprintValue";
        Field<NonNullGraphType<StringGraphType>>("hardware").Resolve(c => c.Source.Hardware);
        Field<NonNullGraphType<StringGraphType>>("metric").Resolve(c => c.Source.Metric);
        Field<NonNullGraphType<FloatGraphType>>("value").Resolve(c => c.Source.Value);
    }
}
