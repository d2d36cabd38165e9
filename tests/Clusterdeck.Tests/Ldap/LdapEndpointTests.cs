using Clusterdeck.Core.Accounts.Ldap;

namespace Clusterdeck.Tests.Ldap;

public sealed class LdapEndpointTests
{
    [Theory]
    [InlineData("ldap://ldap.example.org", "ldap.example.org", 389, false)]
    [InlineData("ldap://ldap.example.org:1389", "ldap.example.org", 1389, false)]
    [InlineData("ldaps://ldap.example.org", "ldap.example.org", 636, true)]
    [InlineData("LDAPS://LDAP.example.org:6360/", "ldap.example.org", 6360, true)]
    [InlineData("ldap://[::1]:389", "[::1]", 389, false)]
    [InlineData(" ldap://127.0.0.1:10389 ", "127.0.0.1", 10389, false)]
    public void TryParse_LdapUrl_ReturnsHostPortAndTls(string url, string host, int port, bool secure)
    {
        Assert.True(LdapEndpoint.TryParse(url, out var endpoint));
        Assert.Equal(new LdapEndpoint(host, port, secure), endpoint);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ldap.example.org")]
    [InlineData("ldap.example.org:389")]
    [InlineData("http://ldap.example.org")]
    [InlineData("ldapi:///var/run/slapd/ldapi")]
    [InlineData("ldap:///")]
    public void TryParse_NotAnLdapUrlWithHost_ReturnsFalse(string? url)
    {
        Assert.False(LdapEndpoint.TryParse(url, out _));
    }

    [Fact]
    public void ToString_UrlWithUserInfo_LeavesItOut()
    {
        Assert.True(LdapEndpoint.TryParse("ldap://admin:secret@ldap.example.org", out var endpoint));
        Assert.Equal("ldap://ldap.example.org:389", endpoint.ToString());
    }
}
