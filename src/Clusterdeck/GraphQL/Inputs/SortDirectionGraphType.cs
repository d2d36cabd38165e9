using GraphQL.Types;

namespace Clusterdeck.GraphQL.Inputs;

/// <summary>cc-backend's <c>SortDirectionEnum</c>.</summary>
internal sealed class SortDirectionGraphType : EnumerationGraphType
{
    public const string Descending = "DESC";
    public const string Ascending = "ASC";

    public SortDirectionGraphType()
    {
        Name = "SortDirectionEnum";
        Add(Descending, Descending);
        Add(Ascending, Ascending);
    }
}
