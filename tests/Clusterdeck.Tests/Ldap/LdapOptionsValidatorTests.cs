using Clusterdeck.Core.Accounts.Ldap;

namespace Clusterdeck.Tests.Ldap;

public sealed class LdapOptionsValidatorTests
{
    [Fact]
    public void Validate_CompleteOptions_Succeeds()
    {
        var result = new LdapOptionsValidator().Validate(null, ValidOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_LdapDisabled_Skips()
    {
        var result = new LdapOptionsValidator().Validate(null, new LdapOptions { SyncInterval = "nonsense" });

        Assert.True(result.Skipped);
    }

    [Fact]
    public void Validate_EverythingWrong_ReportsEveryProblem()
    {
        var options = new LdapOptions
        {
            Url = "http://ldap.example.org",
            UserBase = " ",
            UserBind = "uid=fixed,ou=people,dc=example,dc=org",
            UsernameAttribute = "",
            SyncInterval = "1d",
        };

        var result = new LdapOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Collection(
            result.Failures!,
            failure => Assert.Contains("Ldap:url", failure, StringComparison.Ordinal),
            failure => Assert.Contains("Ldap:user_base", failure, StringComparison.Ordinal),
            failure => Assert.Contains("Ldap:user_bind", failure, StringComparison.Ordinal),
            failure => Assert.Contains("Ldap:username_attr", failure, StringComparison.Ordinal),
            failure => Assert.Contains("Ldap:sync_interval: '1d'", failure, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("-1h")]
    [InlineData("1200h")]
    public void Validate_IntervalOutOfRange_Fails(string interval)
    {
        var options = ValidOptions();
        options.SyncInterval = interval;

        Assert.True(new LdapOptionsValidator().Validate(null, options).Failed);
    }

    private static LdapOptions ValidOptions() => new()
    {
        Url = "ldaps://ldap.example.org",
        UserBase = "ou=people,dc=example,dc=org",
        SearchDn = "cn=admin,dc=example,dc=org",
        UserBind = "uid={username},ou=people,dc=example,dc=org",
        SyncInterval = "24h",
    };
}
