using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Accounts.Ldap;
using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Archive.Import;
using Clusterdeck.Core.Authentication;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Metrics.Agent;
using Clusterdeck.Core.Metrics.Archiving;
using Clusterdeck.Core.Metrics.JobMetrics;
using Clusterdeck.Core.Metrics.Sources;
using Clusterdeck.Core.Metrics.Store;
using Clusterdeck.Core.Nodes;
using Clusterdeck.Core.Settings;
using Clusterdeck.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Registers the application services and the validators of the sections they read.
    /// Binding the sections to configuration is the host's job.</summary>
    public static IServiceCollection AddClusterdeckCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();

        services.AddSingleton<UserService>();
        services.AddSingleton<InitialAdminSeeder>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<LoginService>();
        services.AddSingleton(sp => JwtKeyLoader.Load(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.ResolvedDataDirectory,
            Environment.GetEnvironmentVariable,
            out _));
        services.AddSingleton(sp => new JwtTokenService(sp.GetRequiredService<JwtKeyPair>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AccessTokenService>();
        services.AddSingleton<NoticeService>();
        services.AddLdapAccounts();
        services.AddJobArchive();
        services.AddArchiveImport();
        services.AddSingleton<JobPlacement>();
        services.AddSingleton<JobVisibilityResolver>();
        services.AddSingleton<TagService>();
        services.AddSingleton<JobQueryService>();
        services.AddSingleton<JobService>();
        services.AddJobArchiving();
        services.AddNodes();
        services.AddMetricStore();
        services.AddMetricSources();
        services.AddNodeAgent();
        services.AddJobMetricData();
        return services;
    }
}
