using Microsoft.Extensions.Logging;

namespace Clusterdeck.Core.Metrics.Sources;

internal static partial class MetricSourceLog
{
    [LoggerMessage(EventId = 8401, Level = LogLevel.Information, Message = "Metrics of cluster {Cluster} come from {Kind} {Url}")]
    public static partial void SourceChosen(ILogger logger, string cluster, string kind, string url);

    [LoggerMessage(EventId = 8402, Level = LogLevel.Information, Message = "Metrics of all other clusters come from {Kind} {Url}")]
    public static partial void DefaultSourceChosen(ILogger logger, string kind, string url);

    [LoggerMessage(EventId = 8403, Level = LogLevel.Debug, Message = "{Source} loaded {Metrics} metrics of job {JobId} on {Cluster} with {Missing} parts missing")]
    public static partial void JobDataLoaded(ILogger logger, string source, int metrics, long jobId, string cluster, int missing);

    [LoggerMessage(EventId = 8404, Level = LogLevel.Warning, Message = "Prometheus warned about the query for {Metric}: {Warnings}")]
    public static partial void PrometheusWarnings(ILogger logger, string metric, string warnings);
}
