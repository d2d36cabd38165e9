using Clusterdeck.Core.Accounts.Ldap;

namespace Clusterdeck.Tests.Ldap;

public sealed class LdapEscapeTests
{
    [Theory]
    [InlineData("alice", "alice")]
    [InlineData("*", @"\2a")]
    [InlineData("a*b(c)d\\e", @"a\2ab\28c\29d\5ce")]
    [InlineData("admin)(uid=*", @"admin\29\28uid=\2a")]
    [InlineData("nul\0", @"nul\00")]
    [InlineData("jürgen,x+y", "jürgen,x+y")]
    public void FilterValue_SpecialCharacters_AreHexEscaped(string value, string expected)
    {
        Assert.Equal(expected, LdapEscape.FilterValue(value));
    }

    [Theory]
    [InlineData("alice", "alice")]
    [InlineData("smith,j", @"smith\,j")]
    [InlineData("a+b=c", @"a\+b\=c")]
    [InlineData("\"<q>;\\", @"\""\<q\>\;\\")]
    [InlineData("#x#", @"\#x#")]
    [InlineData(" x y ", @"\ x y\ ")]
    [InlineData(" ", @"\ ")]
    [InlineData("nul\0", @"nul\00")]
    [InlineData("alice,ou=admins", @"alice\,ou\=admins")]
    public void DnValue_SpecialCharacters_AreEscaped(string value, string expected)
    {
        Assert.Equal(expected, LdapEscape.DnValue(value));
    }
}
