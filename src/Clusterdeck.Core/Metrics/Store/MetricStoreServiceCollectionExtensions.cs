using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Metrics.Store;

public static class MetricStoreServiceCollectionExtensions
{
    /// <summary>
    /// The in-process metric store as itself and as the <see cref="ILineProtocolSink"/>, with its maintenance loop
    /// (checkpoint restore at start, retention, memory limit, snapshots). It is deliberately not registered as
    /// <see cref="Query.IMetricQueryProtocol"/>: the metric source picks the in-process or an external store by configuration.
    /// </summary>
    public static IServiceCollection AddMetricStore(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<MetricStoreOptions>, MetricStoreOptionsValidator>();
        services.AddSingleton<MetricStore>();
        services.AddSingleton<ILineProtocolSink>(sp => sp.GetRequiredService<MetricStore>());
        services.AddHostedService<MetricStoreMaintenance>();
        return services;
    }
}
