using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Configuration;
using Clusterdeck.Core.Metrics.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Metrics.Sources;

public static class MetricSourceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IMetricSource"/>: one instance that routes each cluster to the source the <c>MetricSource</c>
    /// section names for it (the in-process metric store unless configured otherwise).
    /// </summary>
    public static IServiceCollection AddMetricSources(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<MetricSourceOptions>, MetricSourceOptionsValidator>();
        services.AddSingleton<IMetricSource>(Create);
        return services;
    }

    private static RoutingMetricSource Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<MetricSourceOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger<RoutingMetricSource>();
        var owned = new List<IDisposable>();
        var byCluster = new Dictionary<string, IMetricSource>(StringComparer.Ordinal);
        foreach (var (cluster, backend) in options.Clusters)
        {
            byCluster[cluster] = Create(services, backend, owned);
            MetricSourceLog.SourceChosen(logger, cluster, backend.Kind, backend.Url ?? "(in process)");
        }

        var fallback = Create(services, options, owned);
        MetricSourceLog.DefaultSourceChosen(logger, options.Kind, options.Url ?? "(in process)");
        return new RoutingMetricSource(fallback, byCluster, owned);
    }

    private static IMetricSource Create(IServiceProvider services, MetricBackendOptions options, List<IDisposable> owned)
    {
        var catalog = services.GetRequiredService<IClusterCatalog>();
        var time = services.GetRequiredService<TimeProvider>();
        var loggers = services.GetRequiredService<ILoggerFactory>();
        var timeout = DurationText.Parse(options.Timeout);
        switch (options.Kind)
        {
            case MetricSourceKinds.CcMetricStore:
                var token = string.IsNullOrEmpty(options.TokenFile) ? options.Token : File.ReadAllText(options.TokenFile).Trim();
                var client = new CcMetricStoreClient(new Uri(options.Url!), token, timeout);
                owned.Add(client);
                return new CcMetricStoreSource(client, catalog, time, loggers.CreateLogger<CcMetricStoreSource>(), "cc-metric-store " + options.Url);

            case MetricSourceKinds.Prometheus:
                var password = Environment.GetEnvironmentVariable(MetricSourceOptions.PrometheusPasswordVariable);
                (string, string)? basicAuth = string.IsNullOrEmpty(options.Username) ? null : (options.Username, password ?? "");
                var prometheus = new PrometheusSource(
                    new Uri(options.Url!), options.Templates, options.Suffix, basicAuth, timeout, catalog, time, loggers.CreateLogger<PrometheusSource>());
                owned.Add(prometheus);
                return prometheus;

            default:
                return new CcMetricStoreSource(services.GetRequiredService<MetricStore>(), catalog, time, loggers.CreateLogger<CcMetricStoreSource>(), "metric store");
        }
    }
}
