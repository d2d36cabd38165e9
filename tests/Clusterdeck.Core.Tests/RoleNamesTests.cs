using Clusterdeck.Core.Accounts;

namespace Clusterdeck.Core.Tests;

public sealed class RoleNamesTests
{
    [Fact]
    public void TryParseAll_MixedCaseAndDuplicates_ReturnsSortedDistinctRoles()
    {
        Assert.True(RoleNames.TryParseAll(["Admin", "api", "ADMIN", " user "], out var roles, out var error));
        Assert.Null(error);
        Assert.Equal([Role.Api, Role.User, Role.Admin], roles);
    }

    [Fact]
    public void TryParseAll_UnknownRoles_NamesEveryUnknownRole()
    {
        Assert.False(RoleNames.TryParseAll(["admin", "root", "wizard"], out _, out var error));
        Assert.Contains("'root'", error, StringComparison.Ordinal);
        Assert.Contains("'wizard'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ToName_EveryRole_IsLowerCaseWireName()
    {
        Assert.Equal(["api", "user", "manager", "support", "admin"], Enum.GetValues<Role>().Select(r => r.ToName()));
    }
}
