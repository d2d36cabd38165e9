using Clusterdeck.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Clusterdeck.Tests.Jobs;

/// <summary>The application's services on a fresh, migrated database, with a fake clock.</summary>
internal static class JobDatabase
{
    /// <summary>Unix seconds of the fake clock's start.</summary>
    public const long Now = 1_700_000_000;

    public static async Task<ServiceProvider> StartAsync(string[] settings, FakeTimeProvider clock)
    {
        var overrides = settings.Select(s => "--" + s).ToList();
        var configuration = ClusterdeckConfiguration.Build(new ConfigurationInputs(Overrides: overrides));
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(clock);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddClusterdeck(configuration);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<StartupTasks>().PrepareDatabaseAsync(TestContext.Current.CancellationToken);
        return provider;
    }

    public static FakeTimeProvider Clock() => new(DateTimeOffset.FromUnixTimeSeconds(Now));
}
