using System.Threading.Channels;
using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Accounts.Ldap;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Clusterdeck.Tests.Ldap;

public sealed class LdapSyncServiceTests
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ExecuteAsync_EachInterval_RunsOneSync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var directory = new ScriptedLdapDirectory(() => [new LdapUser("carol", "Carol Clark")]);
        var store = new InMemoryUserStore();
        var time = new TimerWatchingTimeProvider();
        await using var provider = BuildServices(directory, store, time, "1h30m");
        var service = provider.GetServices<IHostedService>().OfType<LdapSyncService>().Single();

        await service.StartAsync(cancellationToken);
        await time.WaitForTimerAsync(cancellationToken);
        Assert.Equal(TimeSpan.FromMinutes(90), time.LastDueTime);
        Assert.Equal(0, directory.Searches);

        time.Advance(TimeSpan.FromMinutes(90));
        await time.WaitForTimerAsync(cancellationToken);
        Assert.Equal(1, directory.Searches);
        Assert.Equal(AuthSource.Ldap, (await store.FindAsync("carol", cancellationToken))?.AuthSource);

        time.Advance(TimeSpan.FromMinutes(90));
        await time.WaitForTimerAsync(cancellationToken);
        Assert.Equal(2, directory.Searches);

        await service.StopAsync(cancellationToken);
    }

    [Fact]
    public async Task ExecuteAsync_RunFails_LogsAndRunsAgainNextInterval()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var directory = new ScriptedLdapDirectory(
            () => throw new LdapDirectoryException("LDAP server ldap://127.0.0.1:1 failed"),
            () => [new LdapUser("dave", "Dave Dean")]);
        var store = new InMemoryUserStore();
        var time = new TimerWatchingTimeProvider();
        await using var provider = BuildServices(directory, store, time, "30m");
        var service = provider.GetServices<IHostedService>().OfType<LdapSyncService>().Single();

        await service.StartAsync(cancellationToken);
        await time.WaitForTimerAsync(cancellationToken);
        time.Advance(TimeSpan.FromMinutes(30));
        await time.WaitForTimerAsync(cancellationToken);
        Assert.Equal(1, directory.Searches);
        Assert.Equal(0, await store.CountAsync(cancellationToken));

        time.Advance(TimeSpan.FromMinutes(30));
        await time.WaitForTimerAsync(cancellationToken);

        Assert.Equal(2, directory.Searches);
        Assert.NotNull(await store.FindAsync("dave", cancellationToken));
        Assert.False(service.ExecuteTask!.IsCompleted);
        await service.StopAsync(cancellationToken);
    }

    [Theory]
    [InlineData(null, "24h")]
    [InlineData("ldap://127.0.0.1:1", null)]
    [InlineData("ldap://127.0.0.1:1", "")]
    [InlineData("ldap://127.0.0.1:1", "0")]
    [InlineData("ldap://127.0.0.1:1", "0s")]
    public async Task ExecuteAsync_DisabledOrNoInterval_EndsWithoutScheduling(string? url, string? interval)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var directory = new ScriptedLdapDirectory(() => []);
        var time = new TimerWatchingTimeProvider();
        await using var provider = BuildServices(directory, new InMemoryUserStore(), time, interval, url);
        var service = provider.GetServices<IHostedService>().OfType<LdapSyncService>().Single();

        await service.StartAsync(cancellationToken);
        await service.ExecuteTask!.WaitAsync(WaitLimit, cancellationToken);

        Assert.Equal(0, time.TimersCreated);
        Assert.Equal(0, directory.Searches);
    }

    private static ServiceProvider BuildServices(
        ScriptedLdapDirectory directory,
        InMemoryUserStore store,
        TimeProvider time,
        string? interval,
        string? url = "ldap://127.0.0.1:1")
    {
        // Registered before AddLdapAccounts, whose TryAdd calls then keep these.
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<ILdapDirectory>(directory)
            .AddSingleton<IUserStore>(store)
            .AddSingleton(time);
        services.AddOptions<LdapOptions>().Configure(options =>
        {
            options.Url = url;
            options.UserBase = "ou=people,dc=example,dc=org";
            options.UserBind = "uid={username},ou=people,dc=example,dc=org";
            options.SyncInterval = interval;
        });
        services.AddLdapAccounts();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    /// <summary>A fake clock that reports each timer it creates, i.e. each time the service starts to wait.</summary>
    private sealed class TimerWatchingTimeProvider : FakeTimeProvider
    {
        private readonly Channel<TimeSpan> _created = Channel.CreateUnbounded<TimeSpan>();
        private int _timersCreated;

        public int TimersCreated => Volatile.Read(ref _timersCreated);

        /// <summary>The due time of the timer most recently taken by <see cref="WaitForTimerAsync"/>.</summary>
        public TimeSpan LastDueTime { get; private set; }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            Interlocked.Increment(ref _timersCreated);
            _created.Writer.TryWrite(dueTime);
            return timer;
        }

        /// <summary>Waits until the service has started waiting for its next run.</summary>
        public async Task WaitForTimerAsync(CancellationToken cancellationToken)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(WaitLimit);
            LastDueTime = await _created.Reader.ReadAsync(limit.Token);
        }
    }
}
