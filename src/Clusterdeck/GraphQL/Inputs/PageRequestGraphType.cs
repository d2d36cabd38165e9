using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Jobs.Queries;
using Clusterdeck.GraphQL.Scalars;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Inputs;

/// <summary>cc-backend's <c>PageRequest</c>: 1-based page, <c>itemsPerPage</c> -1 for everything.</summary>
internal sealed class PageRequestGraphType : InputObjectGraphType
{
    public PageRequestGraphType()
    {
        Name = "PageRequest";
        Field<NonNullGraphType<GoIntGraphType>>("itemsPerPage");
        Field<NonNullGraphType<GoIntGraphType>>("page");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        var itemsPerPage = value.GetLong("itemsPerPage") ?? 0;
        var page = value.GetLong("page") ?? 0;
        if (itemsPerPage is < -1 or 0 or > int.MaxValue)
        {
            throw new InvalidInputException($"itemsPerPage must be positive or -1 (all), not {itemsPerPage}");
        }

        if (page is < 1 or > int.MaxValue)
        {
            throw new InvalidInputException($"page must be 1 or more, not {page}");
        }

        return new PageRequest((int)itemsPerPage, (int)page);
    }
}
