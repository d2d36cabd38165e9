using Clusterdeck.Core.Accounts;
using Clusterdeck.Data;
using Clusterdeck.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clusterdeck.Tests.Storage;

/// <summary>What every database provider must do for accounts. Each subclass runs it on a real engine.</summary>
public abstract class UserStoreContractTests : IAsyncLifetime
{
    private ServiceProvider _services = null!;

    protected IUserStore Store => _services.GetRequiredService<IUserStore>();

    /// <summary><c>Section:Key=Value</c> settings for a fresh, empty database of the provider under test.</summary>
    protected abstract Task<string[]> DatabaseSettingsAsync();

    public async ValueTask InitializeAsync()
    {
        var overrides = (await DatabaseSettingsAsync()).Select(s => "--" + s).ToList();
        var configuration = ClusterdeckConfiguration.Build(new ConfigurationInputs(Overrides: overrides));
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddClusterdeck(configuration);
        _services = services.BuildServiceProvider();
        await _services.GetRequiredService<StartupTasks>().PrepareDatabaseAsync(TestContext.Current.CancellationToken);
    }

    public virtual async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static UserAccount Sample(string username) => new()
    {
        Username = username,
        Name = "Sam Ple",
        Email = $"{username}@example.org",
        Roles = [Role.User, Role.Manager],
        Projects = ["p1", "p2"],
        AuthSource = AuthSource.Ldap,
        PasswordHash = "$2a$10$M9pRk3cfefX1L5fTwuGzR.ecqpBS4A77r.K/2U9SMjmOsCodLzZiy",
    };

    [Fact]
    public async Task Add_ThenFind_ReturnsEveryField()
    {
        Assert.True(await Store.AddAsync(Sample("sam"), TestContext.Current.CancellationToken));

        var found = await Store.FindAsync("sam", TestContext.Current.CancellationToken);

        Assert.NotNull(found);
        Assert.Equal(Sample("sam") with { Roles = found.Roles, Projects = found.Projects }, found);
        Assert.Equal([Role.User, Role.Manager], found.Roles);
        Assert.Equal(["p1", "p2"], found.Projects);
    }

    [Fact]
    public async Task Add_ExistingUsername_ReturnsFalseAndKeepsTheFirst()
    {
        await Store.AddAsync(Sample("dup"), TestContext.Current.CancellationToken);

        Assert.False(await Store.AddAsync(Sample("dup") with { Name = "Other" }, TestContext.Current.CancellationToken));
        Assert.Equal("Sam Ple", (await Store.FindAsync("dup", TestContext.Current.CancellationToken))!.Name);
    }

    [Fact]
    public async Task Add_SameUsernameConcurrently_ExactlyOneWins()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Store.AddAsync(Sample("race") with { Name = $"writer {i}" }, TestContext.Current.CancellationToken)));

        Assert.Single(results, added => added);
        Assert.Equal(1, (await Store.ListAsync(TestContext.Current.CancellationToken)).Count(u => u.Username == "race"));
    }

    [Fact]
    public async Task Find_IsCaseSensitive()
    {
        await Store.AddAsync(Sample("Case"), TestContext.Current.CancellationToken);
        Assert.Null(await Store.FindAsync("case", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Update_ChangesFields_AndMissingUserReturnsFalse()
    {
        await Store.AddAsync(Sample("upd"), TestContext.Current.CancellationToken);

        Assert.True(await Store.UpdateAsync(Sample("upd") with { Roles = [Role.Admin], Projects = [], Name = null }, TestContext.Current.CancellationToken));
        var updated = await Store.FindAsync("upd", TestContext.Current.CancellationToken);
        Assert.Equal([Role.Admin], updated!.Roles);
        Assert.Empty(updated.Projects);
        Assert.Null(updated.Name);

        Assert.False(await Store.UpdateAsync(Sample("ghost"), TestContext.Current.CancellationToken));
        Assert.Null(await Store.FindAsync("ghost", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Delete_RemovesOnlyThatUser()
    {
        await Store.AddAsync(Sample("del1"), TestContext.Current.CancellationToken);
        await Store.AddAsync(Sample("del2"), TestContext.Current.CancellationToken);

        Assert.True(await Store.DeleteAsync("del1", TestContext.Current.CancellationToken));
        Assert.False(await Store.DeleteAsync("del1", TestContext.Current.CancellationToken));
        Assert.Null(await Store.FindAsync("del1", TestContext.Current.CancellationToken));
        Assert.NotNull(await Store.FindAsync("del2", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task List_IsOrderedByUsername_AndCountMatches()
    {
        foreach (var name in new[] { "zed", "amy", "mo" })
        {
            await Store.AddAsync(Sample(name), TestContext.Current.CancellationToken);
        }

        Assert.Equal(["amy", "mo", "zed"], (await Store.ListAsync(TestContext.Current.CancellationToken)).Select(u => u.Username));
        Assert.Equal(3, await Store.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Migrations_AreAppliedOnceAndReportedReady()
    {
        var migrator = _services.GetRequiredService<DatabaseMigrator>();

        Assert.Empty(await migrator.MigrateAsync(TestContext.Current.CancellationToken));
        var status = await migrator.CheckAsync(TestContext.Current.CancellationToken);
        Assert.True(status.Ready, status.Error);
    }

    [Fact]
    public async Task UserService_OnThisProvider_KeepsCcBackendHashesUsable()
    {
        // The hash of the cc-backend reference database's user "demo" (password "demo").
        await Store.AddAsync(Sample("demo") with { AuthSource = AuthSource.Local }, TestContext.Current.CancellationToken);
        var stored = await Store.FindAsync("demo", TestContext.Current.CancellationToken);
        Assert.True(PasswordHasher.Verify("demo", stored!.PasswordHash));
    }
}
