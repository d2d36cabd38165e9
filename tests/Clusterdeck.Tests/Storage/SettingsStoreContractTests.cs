using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Settings;
using Clusterdeck.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clusterdeck.Tests.Storage;

/// <summary>
/// The settings table and the notice kept in it, on a real database engine per subclass. Two service providers on one
/// database stand for two replicas.
/// </summary>
public abstract class SettingsStoreContractTests : IAsyncLifetime
{
    private static readonly Caller Admin = new("root", [Role.Admin], AuthMethod.Session);
    private static readonly Caller Support = new("helpdesk", [Role.Support, Role.User], AuthMethod.Session);

    private readonly List<ServiceProvider> _providers = [];
    private string[] _settings = [];

    private ServiceProvider Services => _providers[0];

    private ISettingsStore Store => Services.GetRequiredService<ISettingsStore>();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary><c>Section:Key=Value</c> settings for a fresh, empty database of the provider under test.</summary>
    protected abstract Task<string[]> DatabaseSettingsAsync();

    public async ValueTask InitializeAsync()
    {
        _settings = await DatabaseSettingsAsync();
        await AddReplicaAsync();
    }

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private async Task<ServiceProvider> AddReplicaAsync()
    {
        var configuration = ClusterdeckConfiguration.Build(new ConfigurationInputs(Overrides: [.. _settings.Select(s => "--" + s)]));
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddClusterdeck(configuration);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        await provider.GetRequiredService<StartupTasks>().PrepareDatabaseAsync(Token);
        return provider;
    }

    [Fact]
    public async Task Get_NeverSet_Null() => Assert.Null(await Store.GetAsync("nothing-here", Token));

    [Fact]
    public async Task Set_Twice_LastValueWins()
    {
        await Store.SetAsync("greeting", "hello", Token);
        await Store.SetAsync("greeting", "hello again", Token);

        Assert.Equal("hello again", await Store.GetAsync("greeting", Token));
    }

    [Fact]
    public async Task Set_Null_RemovesTheValue()
    {
        await Store.SetAsync("greeting", "hello", Token);
        await Store.SetAsync("greeting", null, Token);
        await Store.SetAsync("never-set", null, Token);

        Assert.Null(await Store.GetAsync("greeting", Token));
    }

    [Fact]
    public async Task Set_ManyWritersAtOnce_OneValueOfTheirsSurvives()
    {
        var other = (await AddReplicaAsync()).GetRequiredService<ISettingsStore>();
        var values = Enumerable.Range(0, 20).Select(i => $"value {i}").ToList();

        await Task.WhenAll(values.Select((value, i) => (i % 2 == 0 ? Store : other).SetAsync("contended", value, Token)));

        Assert.Contains(await Store.GetAsync("contended", Token), values);
    }

    [Fact]
    public async Task Notice_SetOnOneReplica_ReadOnTheOther()
    {
        var replica = await AddReplicaAsync();

        var stored = await Services.GetRequiredService<NoticeService>().SetAsync(Admin, "  Maintenance on Friday\n08:00–12:00  ", Token);

        Assert.Equal("Maintenance on Friday\n08:00–12:00", stored);
        Assert.Equal(stored, await replica.GetRequiredService<NoticeService>().GetAsync(Token));
    }

    [Fact]
    public async Task Notice_Blank_RemovesIt()
    {
        var notices = Services.GetRequiredService<NoticeService>();
        await notices.SetAsync(Admin, "something", Token);

        Assert.Null(await notices.SetAsync(Admin, "   ", Token));

        Assert.Null(await notices.GetAsync(Token));
    }

    [Fact]
    public async Task Notice_NotAnAdmin_RefusedAndUnchanged()
    {
        var notices = Services.GetRequiredService<NoticeService>();
        await notices.SetAsync(Admin, "by the admin", Token);

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => notices.SetAsync(Support, "by support", Token));

        Assert.Contains("only admins", refused.Message, StringComparison.Ordinal);
        Assert.Equal("by the admin", await notices.GetAsync(Token));
    }

    [Theory]
    [InlineData(NoticeService.MaxLength + 1, "at most 500 characters")]
    [InlineData(-1, "control characters")]
    public async Task Notice_BadText_RefusedWithTheReasonAndUnchanged(int length, string reason)
    {
        var notices = Services.GetRequiredService<NoticeService>();
        await notices.SetAsync(Admin, "kept", Token);
        var text = length < 0 ? "bell \a here" : new string('x', length);

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => notices.SetAsync(Admin, text, Token));

        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        Assert.Equal("kept", await notices.GetAsync(Token));
    }

    [Fact]
    public async Task Notice_Markup_StoredAsTyped()
    {
        // Escaping is the page's job (Razor writes text); the store keeps exactly what the admin typed.
        var notices = Services.GetRequiredService<NoticeService>();
        const string text = "<script>alert('x')</script> & \"quotes\"";

        await notices.SetAsync(Admin, text, Token);

        Assert.Equal(text, await notices.GetAsync(Token));
    }
}
