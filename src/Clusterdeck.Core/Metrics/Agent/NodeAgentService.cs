using Clusterdeck.Core.Clusters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Metrics.Agent;

/// <summary>
/// The node agent inside the server (<c>Agent:Enabled</c>): the same collectors as <c>clusterdeck agent</c>, written to
/// the server's <see cref="ILineProtocolSink"/> directly. A setting that makes it impossible to run (no metric store, no
/// cluster to be found) is logged and stops the server, as a bad configuration file would.
/// </summary>
public sealed partial class NodeAgentService(
    IServiceProvider services,
    IOptions<AgentOptions> options,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<NodeAgentService>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        await Task.Yield(); // let the host finish starting; the first reading does file I/O

        var sink = services.GetService<ILineProtocolSink>();
        var catalog = services.GetService<IClusterCatalog>();
        var hostname = settings.ResolvedHostname;
        var cluster = settings.Cluster.Length > 0 ? settings.Cluster : ChooseCluster(catalog, hostname);
        if (sink is null || cluster is null)
        {
            LogCannotRun(sink is null
                ? "this server has no in-process metric store to write to"
                : $"no cluster lists host '{hostname}' and there are several (set {AgentOptions.SectionName}:{nameof(AgentOptions.Cluster)})");
            lifetime.StopApplication();
            return;
        }

        var interval = settings.ResolvedInterval ?? TimestepOf(catalog, cluster) ?? AgentOptions.DefaultInterval;
        var agent = new NodeAgent(
            NodeMetricsReader.Create(NodeFiles.Real, timeProvider, loggerFactory.CreateLogger<NodeMetricsReader>()),
            new SinkMetricsTarget(sink, cluster),
            new NodeAgentSettings(hostname, interval),
            timeProvider,
            loggerFactory.CreateLogger<NodeAgent>());
        try
        {
            await agent.RunAsync(stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // RunAsync handles every failure it expects; anything else is a bug that must not go unnoticed.
            LogCrashed(e);
            lifetime.StopApplication();
        }
    }

    private static string? ChooseCluster(IClusterCatalog? catalog, string hostname) =>
        AgentClusterChoice.Choose(
            catalog?.Clusters.Select(c => new ClusterNodes(c.Name, [.. c.SubClusters.Select(s => s.Nodes)])).ToList() ?? [],
            hostname);

    private static TimeSpan? TimestepOf(IClusterCatalog? catalog, string cluster) =>
        catalog?.Find(cluster)?.MetricConfig.FirstOrDefault(m => m.Name == AgentMetricNames.CpuLoad) is { Timestep: > 0 } metric
            ? TimeSpan.FromSeconds(metric.Timestep)
            : null;

    [LoggerMessage(EventId = 4131, Level = LogLevel.Critical, Message = "The in-process node agent (Agent:Enabled) cannot run: {Reason}; stopping the server")]
    private partial void LogCannotRun(string reason);

    [LoggerMessage(EventId = 4132, Level = LogLevel.Critical, Message = "The in-process node agent failed; stopping the server")]
    private partial void LogCrashed(Exception exception);
}
