using Clusterdeck.Core;
using Clusterdeck.Core.Accounts.Ldap;
using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Authentication;
using Clusterdeck.Core.Metrics.Agent;
using Clusterdeck.Core.Metrics.Archiving;
using Clusterdeck.Core.Metrics.JobMetrics;
using Clusterdeck.Core.Metrics.Sources;
using Clusterdeck.Core.Metrics.Store;
using Clusterdeck.Core.Nodes;
using Clusterdeck.Core.Storage;
using Clusterdeck.Data;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Hosting;

internal static class ClusterdeckServiceCollectionExtensions
{
    /// <summary>Everything both the server and the command line need: sections, application services, the database.</summary>
    public static IServiceCollection AddClusterdeck(this IServiceCollection services, IConfiguration userConfiguration)
    {
        services.AddSingleton(new UserConfiguration(userConfiguration));
        services.AddSection<StorageOptions>(StorageOptions.SectionName);
        services.AddSection<DatabaseOptions>(DatabaseOptions.SectionName);
        services.AddSection<AuthOptions>(AuthOptions.SectionName);
        services.AddSection<LdapOptions>(LdapOptions.SectionName);
        services.AddSection<ArchiveOptions>(ArchiveOptions.SectionName);
        services.AddSection<ResamplingOptions>(ResamplingOptions.SectionName);
        services.AddSection<AgentOptions>(AgentOptions.SectionName);
        services.AddSection<ArchivingOptions>(ArchivingOptions.SectionName);
        services.AddSection<ServerOptions>(ServerOptions.SectionName);
        services.AddSection<NodeOptions>(NodeOptions.SectionName);
        services.AddSection<MetricStoreOptions>(MetricStoreOptions.SectionName);
        services.AddSection<MetricSourceOptions>(MetricSourceOptions.SectionName);
        services.AddSingleton<IValidateOptions<ServerOptions>, ServerOptionsValidator>();
        services.AddSingleton<StartupTasks>();
        services.AddClusterdeckCore();
        services.AddClusterdeckData();
        return services;
    }
}
