using GraphQL.Types;

namespace Clusterdeck.GraphQL.Scalars;

/// <summary>
/// cc-backend's <c>Int</c>: gqlgen maps it to Go's 64-bit <c>int</c>, so job ids, walltimes and core-hour sums
/// beyond 2^31 come through. This replaces the built-in 32-bit <c>Int</c> under the same name, keeping the SDL identical.
/// </summary>
internal sealed class GoIntGraphType : LongGraphType
{
    public GoIntGraphType()
    {
        Name = "Int";
        Description = null;
    }
}
