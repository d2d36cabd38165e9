using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Jobs.Queries;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Inputs;

/// <summary>cc-backend's <c>OrderByInput</c>: a job column (<c>type: "col"</c>) or footprint key (<c>type: "foot"</c>) and a direction.</summary>
internal sealed class OrderByInputGraphType : InputObjectGraphType
{
    public OrderByInputGraphType()
    {
        Name = "OrderByInput";
        Field<NonNullGraphType<StringGraphType>>("field");
        Field<NonNullGraphType<StringGraphType>>("type");
        Field<NonNullGraphType<SortDirectionGraphType>>("order").DefaultValue(SortDirectionGraphType.Ascending);
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        var type = value.Get<string>("type") ?? "";
        if (type is not (JobOrder.Column or JobOrder.Footprint))
        {
            throw new InvalidInputException($"order type must be '{JobOrder.Column}' or '{JobOrder.Footprint}', not '{type}'");
        }

        return new JobOrder(value.Get<string>("field") ?? "", type, value.Get<string>("order") == SortDirectionGraphType.Descending);
    }
}
