using Clusterdeck.Core.Accounts.Ldap;
using Clusterdeck.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Tests.Ldap;

[Collection(LdapCollection.Name)]
public sealed class LdapDirectoryTests(SlapdServer slapd)
{
    [Fact]
    public async Task SearchUsersAsync_SeededDirectory_ReturnsSeededUsersWithDisplayNames()
    {
        slapd.SkipIfUnavailable();

        var users = await CreateDirectory().SearchUsersAsync(TestContext.Current.CancellationToken);

        Assert.Contains(new LdapUser(SlapdServer.Alice.Uid, SlapdServer.Alice.DisplayName), users);
        Assert.Contains(new LdapUser(SlapdServer.Bob.Uid, SlapdServer.Bob.DisplayName), users);
    }

    [Fact]
    public async Task SearchUsersAsync_OtherDisplayAttribute_ReadsThatAttribute()
    {
        slapd.SkipIfUnavailable();
        var options = slapd.CreateOptions();
        options.UsernameAttribute = "sn";

        var users = await CreateDirectory(options).SearchUsersAsync(TestContext.Current.CancellationToken);

        Assert.Contains(new LdapUser(SlapdServer.Alice.Uid, "Anderson"), users);
    }

    [Fact]
    public async Task SearchUsersAsync_NoSearchDn_SearchesAnonymously()
    {
        slapd.SkipIfUnavailable();
        var options = slapd.CreateOptions();
        options.SearchDn = null;

        var users = await CreateDirectory(options, servicePassword: null).SearchUsersAsync(TestContext.Current.CancellationToken);

        Assert.Contains(new LdapUser(SlapdServer.Alice.Uid, SlapdServer.Alice.DisplayName), users);
    }

    [Fact]
    public async Task FindUserAsync_ExistingUid_ReturnsThatUser()
    {
        slapd.SkipIfUnavailable();

        var user = await CreateDirectory().FindUserAsync(SlapdServer.Bob.Uid, TestContext.Current.CancellationToken);

        Assert.Equal(new LdapUser(SlapdServer.Bob.Uid, SlapdServer.Bob.DisplayName), user);
    }

    [Fact]
    public async Task FindUserAsync_UnknownUid_ReturnsNull()
    {
        slapd.SkipIfUnavailable();

        var user = await CreateDirectory().FindUserAsync("nobody-" + Guid.NewGuid().ToString("N"), TestContext.Current.CancellationToken);

        Assert.Null(user);
    }

    // Unescaped, "alic*", "alice)(uid=alice" and "*)(uid=alice" would each match exactly alice; "*" and
    // "admin)(uid=*" would match everyone (and so return null by the exactly-one rule anyway).
    [Theory]
    [InlineData("*")]
    [InlineData("alic*")]
    [InlineData("alice)(uid=alice")]
    [InlineData("*)(uid=alice")]
    [InlineData("admin)(uid=*")]
    public async Task FindUserAsync_FilterInjection_ReturnsNull(string username)
    {
        slapd.SkipIfUnavailable();

        var user = await CreateDirectory().FindUserAsync(username, TestContext.Current.CancellationToken);

        Assert.Null(user);
    }

    [Fact]
    public async Task FindUserAsync_UidWithFilterAndDnSpecialCharacters_FindsThatUser()
    {
        slapd.SkipIfUnavailable();
        var cancellationToken = TestContext.Current.CancellationToken;
        var uid = $"#odd(1),y+z;<{Guid.NewGuid():N}>*\\=\"";
        await slapd.AddUserAsync(uid, "odd-password", "Odd Name", cancellationToken);

        var user = await CreateDirectory().FindUserAsync(uid, cancellationToken);

        Assert.Equal(new LdapUser(uid, "Odd Name"), user);
    }

    [Fact]
    public async Task VerifyPasswordAsync_RightPassword_ReturnsTrue()
    {
        slapd.SkipIfUnavailable();

        var verified = await CreateDirectory().VerifyPasswordAsync(SlapdServer.Alice.Uid, SlapdServer.Alice.Password, TestContext.Current.CancellationToken);

        Assert.True(verified);
    }

    [Fact]
    public async Task VerifyPasswordAsync_WrongPassword_ReturnsFalse()
    {
        slapd.SkipIfUnavailable();

        var verified = await CreateDirectory().VerifyPasswordAsync(SlapdServer.Alice.Uid, SlapdServer.Bob.Password, TestContext.Current.CancellationToken);

        Assert.False(verified);
    }

    [Fact]
    public async Task VerifyPasswordAsync_UnknownUser_ReturnsFalse()
    {
        slapd.SkipIfUnavailable();

        var verified = await CreateDirectory().VerifyPasswordAsync("nobody-" + Guid.NewGuid().ToString("N"), "whatever", TestContext.Current.CancellationToken);

        Assert.False(verified);
    }

    // The fixture's slapd, like many directories, accepts a DN with an empty password as an anonymous bind.
    [Fact]
    public async Task VerifyPasswordAsync_EmptyPassword_ReturnsFalse()
    {
        slapd.SkipIfUnavailable();

        var verified = await CreateDirectory().VerifyPasswordAsync(SlapdServer.Alice.Uid, "", TestContext.Current.CancellationToken);

        Assert.False(verified);
    }

    [Fact]
    public async Task VerifyPasswordAsync_UidWithDnSpecialCharacters_ReturnsTrue()
    {
        slapd.SkipIfUnavailable();
        var cancellationToken = TestContext.Current.CancellationToken;
        var uid = $"#lee,kim+{Guid.NewGuid():N};<\\>=\"";
        await slapd.AddUserAsync(uid, "lee-password", "Lee Kim", cancellationToken);

        var verified = await CreateDirectory().VerifyPasswordAsync(uid, "lee-password", cancellationToken);

        Assert.True(verified);
    }

    [Fact]
    public async Task VerifyPasswordAsync_DeletedUser_ReturnsFalse()
    {
        slapd.SkipIfUnavailable();
        var cancellationToken = TestContext.Current.CancellationToken;
        var uid = $"gone-{Guid.NewGuid():N}";
        await slapd.AddUserAsync(uid, "gone-password", "Gone User", cancellationToken);
        var directory = CreateDirectory();
        Assert.True(await directory.VerifyPasswordAsync(uid, "gone-password", cancellationToken));

        await slapd.DeleteUserAsync(uid, cancellationToken);

        Assert.False(await directory.VerifyPasswordAsync(uid, "gone-password", cancellationToken));
    }

    [Fact]
    public async Task AllOperations_ServerDown_ThrowLdapDirectoryExceptionNamingUrlWithoutPassword()
    {
        slapd.SkipIfUnavailable();
        var cancellationToken = TestContext.Current.CancellationToken;
        var options = slapd.CreateOptions();
        options.Url = $"ldap://127.0.0.1:{LoopbackPort.FindFree()}";
        var directory = CreateDirectory(options);

        Exception[] failures =
        [
            await Assert.ThrowsAsync<LdapDirectoryException>(() => directory.SearchUsersAsync(cancellationToken)),
            await Assert.ThrowsAsync<LdapDirectoryException>(() => directory.FindUserAsync(SlapdServer.Alice.Uid, cancellationToken)),
            await Assert.ThrowsAsync<LdapDirectoryException>(() => directory.VerifyPasswordAsync(SlapdServer.Alice.Uid, SlapdServer.Alice.Password, cancellationToken)),
        ];

        Assert.All(failures, failure =>
        {
            Assert.Contains(options.Url, failure.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(SlapdServer.AdminPassword, failure.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(SlapdServer.Alice.Password, failure.ToString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task SearchUsersAsync_WrongServicePassword_ThrowsInsteadOfReturningNoUsers()
    {
        slapd.SkipIfUnavailable();

        var directory = CreateDirectory(servicePassword: "not-the-admin-password");

        var failure = await Assert.ThrowsAsync<LdapDirectoryException>(() => directory.SearchUsersAsync(TestContext.Current.CancellationToken));
        Assert.Contains(SlapdServer.AdminDn, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-admin-password", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindUserAsync_ServicePasswordNotSet_ThrowsNamingTheVariable()
    {
        slapd.SkipIfUnavailable();

        var directory = CreateDirectory(servicePassword: null);

        var failure = await Assert.ThrowsAsync<LdapDirectoryException>(() => directory.FindUserAsync(SlapdServer.Alice.Uid, TestContext.Current.CancellationToken));
        Assert.Contains(LdapOptions.PasswordVariable, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchUsersAsync_MissingUserBase_ThrowsInsteadOfReturningNoUsers()
    {
        slapd.SkipIfUnavailable();
        var options = slapd.CreateOptions();
        options.UserBase = "ou=nowhere,dc=example,dc=org";

        await Assert.ThrowsAsync<LdapDirectoryException>(() => CreateDirectory(options).SearchUsersAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SearchUsersAsync_CancelledToken_ThrowsOperationCanceled()
    {
        slapd.SkipIfUnavailable();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateDirectory().SearchUsersAsync(new CancellationToken(canceled: true)));
    }

    private LdapDirectory CreateDirectory(LdapOptions? options = null, string? servicePassword = SlapdServer.AdminPassword) =>
        new(Options.Create(options ?? slapd.CreateOptions()), () => servicePassword, NullLogger<LdapDirectory>.Instance);
}
