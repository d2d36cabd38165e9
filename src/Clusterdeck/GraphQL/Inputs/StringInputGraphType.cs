using Clusterdeck.Core.Jobs.Queries;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Inputs;

/// <summary>cc-backend's <c>StringInput</c>: one string condition (eq, neq, contains, startsWith, endsWith, in).</summary>
internal sealed class StringInputGraphType : InputObjectGraphType
{
    public StringInputGraphType()
    {
        Name = "StringInput";
        Field<StringGraphType>("eq");
        Field<StringGraphType>("neq");
        Field<StringGraphType>("contains");
        Field<StringGraphType>("startsWith");
        Field<StringGraphType>("endsWith");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("in");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new StringInput
    {
        Eq = value.Get<string>("eq"),
        Neq = value.Get<string>("neq"),
        Contains = value.Get<string>("contains"),
        StartsWith = value.Get<string>("startsWith"),
        EndsWith = value.Get<string>("endsWith"),
        In = value.GetList<string>("in"),
    };
}
