using Clusterdeck.Core.Accounts;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

/// <summary>cc-backend's <c>User</c>: username, full name and email; absent values are empty strings, as Go writes them.</summary>
internal sealed class UserGraphType : ObjectGraphType<UserAccount>
{
    public UserGraphType()
    {
        Name = "User";
        Field<NonNullGraphType<StringGraphType>>("username").Resolve(c => c.Source.Username);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name ?? "");
        Field<NonNullGraphType<StringGraphType>>("email").Resolve(c => c.Source.Email ?? "");
    }
}
