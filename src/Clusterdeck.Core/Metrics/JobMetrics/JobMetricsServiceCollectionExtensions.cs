using Clusterdeck.Core.Metrics.NodeMetrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Metrics.JobMetrics;

public static class JobMetricsServiceCollectionExtensions
{
    /// <summary>Job and node metric data for REST and GraphQL (the <c>Resampling</c> section's validator included).</summary>
    public static IServiceCollection AddJobMetricData(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<ResamplingOptions>, ResamplingOptionsValidator>();
        services.AddSingleton<ArchivedJobDataCache>();
        services.AddSingleton<JobMetricDataService>();
        services.AddSingleton<NodeMetricDataService>();
        return services;
    }
}
