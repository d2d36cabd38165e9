using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

/// <summary>cc-backend's <c>SortByAggregate</c>; the value is the name itself, which the statistics query understands.</summary>
internal sealed class SortByAggregateGraphType : EnumerationGraphType
{
    public SortByAggregateGraphType()
    {
        Name = "SortByAggregate";
        foreach (var name in (string[])["TOTALWALLTIME", "TOTALJOBS", "TOTALUSERS", "TOTALNODES", "TOTALNODEHOURS", "TOTALCORES", "TOTALCOREHOURS", "TOTALACCS", "TOTALACCHOURS"])
        {
            Add(name, name);
        }
    }
}
