using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Accounts.Ldap;
using Clusterdeck.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Tests.Ldap;

[Collection(LdapCollection.Name)]
public sealed class LdapUserSyncTests(SlapdServer slapd)
{
    [Fact]
    public async Task SyncAsync_UserOnlyInDirectory_AddsUserWithRoleUserAndLdapSource()
    {
        slapd.SkipIfUnavailable();
        var cancellationToken = TestContext.Current.CancellationToken;
        var uid = UniqueUid("new");
        await slapd.AddUserAsync(uid, "new-password", "New Person", cancellationToken);
        var store = new InMemoryUserStore();

        var result = await CreateSync(store).SyncAsync(cancellationToken);

        var added = await store.FindAsync(uid, cancellationToken);
        Assert.NotNull(added);
        Assert.Equal("New Person", added.Name);
        Assert.Equal([Role.User], added.Roles);
        Assert.Empty(added.Projects);
        Assert.Equal(AuthSource.Ldap, added.AuthSource);
        Assert.Null(added.PasswordHash);
        Assert.Equal(await store.CountAsync(cancellationToken), result.Added);
    }

    [Fact]
    public async Task SyncAsync_StaleLdapUserWithoutDeleteOption_KeepsUser()
    {
        slapd.SkipIfUnavailable();
        var cancellationToken = TestContext.Current.CancellationToken;
        var stale = LdapAccount(UniqueUid("stale"));
        var store = new InMemoryUserStore(stale);

        var result = await CreateSync(store, deleteOldUsers: false).SyncAsync(cancellationToken);

        Assert.Equal(stale, await store.FindAsync(stale.Username, cancellationToken));
        Assert.Equal(0, result.Deleted);
        Assert.Equal(1, result.Orphaned);
    }

    [Fact]
    public async Task SyncAsync_UserRemovedFromDirectoryWithDeleteOption_DeletesUser()
    {
        slapd.SkipIfUnavailable();
        var cancellationToken = TestContext.Current.CancellationToken;
        var uid = UniqueUid("leaver");
        await slapd.AddUserAsync(uid, "leaver-password", "Leaving Person", cancellationToken);
        var store = new InMemoryUserStore();
        var sync = CreateSync(store, deleteOldUsers: true);
        await sync.SyncAsync(cancellationToken);
        Assert.NotNull(await store.FindAsync(uid, cancellationToken));

        await slapd.DeleteUserAsync(uid, cancellationToken);
        var result = await sync.SyncAsync(cancellationToken);

        Assert.Null(await store.FindAsync(uid, cancellationToken));
        Assert.Equal(1, result.Deleted);
        Assert.Equal(0, result.Added);
    }

    [Fact]
    public async Task SyncAsync_LocalUsers_LeavesThemAloneAndReportsNameConflicts()
    {
        slapd.SkipIfUnavailable();
        var cancellationToken = TestContext.Current.CancellationToken;
        var sameName = new UserAccount
        {
            Username = SlapdServer.Alice.Uid,
            Name = "Local Alice",
            Roles = [Role.Admin],
            Projects = ["p1"],
            AuthSource = AuthSource.Local,
            PasswordHash = "$2a$10$notarealhashnotarealhashnotarealhashnotarealhashnot",
        };
        var localOnly = sameName with { Username = UniqueUid("local") };
        var store = new InMemoryUserStore(sameName, localOnly);

        var result = await CreateSync(store, deleteOldUsers: true).SyncAsync(cancellationToken);

        Assert.Equal(sameName, await store.FindAsync(sameName.Username, cancellationToken));
        Assert.Equal(localOnly, await store.FindAsync(localOnly.Username, cancellationToken));
        Assert.Equal([SlapdServer.Alice.Uid], result.Conflicts);
        Assert.Equal(0, result.Deleted);
    }

    [Fact]
    public async Task SyncAsync_LdapUserInBoth_KeepsRolesAndProjectsAndFillsOnlyEmptyName()
    {
        slapd.SkipIfUnavailable();
        var cancellationToken = TestContext.Current.CancellationToken;
        var nameless = LdapAccount(SlapdServer.Bob.Uid) with { Name = null, Roles = [Role.User, Role.Manager], Projects = ["p1"] };
        var named = LdapAccount(SlapdServer.Alice.Uid) with { Name = "Chosen Name" };
        var store = new InMemoryUserStore(nameless, named);

        var result = await CreateSync(store).SyncAsync(cancellationToken);

        Assert.Equal(nameless with { Name = SlapdServer.Bob.DisplayName }, await store.FindAsync(nameless.Username, cancellationToken));
        Assert.Equal(named, await store.FindAsync(named.Username, cancellationToken));
        Assert.Equal(1, result.Updated);
        Assert.Equal(1, result.Unchanged);
    }

    [Fact]
    public async Task SyncAsync_DirectoryDown_ThrowsAndLeavesStoreUntouched()
    {
        slapd.SkipIfUnavailable();
        var cancellationToken = TestContext.Current.CancellationToken;
        var existing = LdapAccount(SlapdServer.Alice.Uid);
        var store = new InMemoryUserStore(existing);
        var options = slapd.CreateOptions();
        options.Url = $"ldap://127.0.0.1:{LoopbackPort.FindFree()}";
        options.SyncDeleteOldUsers = true;

        await Assert.ThrowsAsync<LdapDirectoryException>(() => CreateSync(store, options).SyncAsync(cancellationToken));

        Assert.Equal([existing], await store.ListAsync(cancellationToken));
    }

    [Fact]
    public async Task SyncAsync_LdapDisabled_ThrowsInvalidOperation()
    {
        var options = new LdapOptions { Url = "" };

        await Assert.ThrowsAsync<InvalidOperationException>(() => CreateSync(new InMemoryUserStore(), options).SyncAsync(TestContext.Current.CancellationToken));
    }

    private LdapUserSync CreateSync(InMemoryUserStore store, bool deleteOldUsers = false)
    {
        var options = slapd.CreateOptions();
        options.SyncDeleteOldUsers = deleteOldUsers;
        return CreateSync(store, options);
    }

    private static LdapUserSync CreateSync(InMemoryUserStore store, LdapOptions options)
    {
        var wrapped = Options.Create(options);
        var directory = new LdapDirectory(wrapped, () => SlapdServer.AdminPassword, NullLogger<LdapDirectory>.Instance);
        return new LdapUserSync(directory, store, wrapped, NullLogger<LdapUserSync>.Instance);
    }

    private static UserAccount LdapAccount(string username) => new()
    {
        Username = username,
        Name = "Stored Name",
        Roles = [Role.User],
        AuthSource = AuthSource.Ldap,
    };

    private static string UniqueUid(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
