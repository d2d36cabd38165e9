using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Metrics.JobMetrics;

/// <summary>
/// A job's metric data and statistics for a caller, behind REST and GraphQL alike (cc-backend's <c>metricdispatch</c>).
/// An archived job (monitoringStatus 3) is read from its <c>data.json</c>/<c>meta.json</c>; every other job (running,
/// stopped and waiting for the archiver, or whose archiving failed) from the metric source. Metrics marked
/// <c>restrict</c> are left out for callers whose only role is <c>user</c>. Data is downsampled with
/// <see cref="Lttb"/> when a resolution is asked for, and metrics with <see cref="StatisticsSeriesMinimumSeries"/> or
/// more series get a min/median/max <see cref="StatisticsSeries"/>.
/// </summary>
/// <remarks>
/// No step has a time limit of its own: a large job (cc-backend's case was 24 nodes, 96 GPUs, 31 hours) takes as long
/// as it takes, and only the caller's cancellation stops it.
/// </remarks>
public sealed partial class JobMetricDataService(
    JobQueryService queries,
    IJobArchive archive,
    IClusterCatalog catalog,
    IOptions<ResamplingOptions> resampling,
    ArchivedJobDataCache cache,
    ILogger<JobMetricDataService> logger,
    IMetricSource? source = null)
{
    /// <summary>
    /// A metric/scope with this many series or more gets a statistics series. The issue asks for 8; cc-backend uses 8
    /// for node lists (<c>LoadNodeListData</c>) and more than 15 for job data (<c>LoadData</c>). 8 is used for both.
    /// </summary>
    public const int StatisticsSeriesMinimumSeries = 8;

    private static readonly string[] NodeScopeOnly = [MetricScopes.Node];

    /// <summary>The resolution for a GraphQL client that names none (the largest configured one, or 0 for native).</summary>
    public int DefaultResolution => resampling.Value.DefaultResolution;

    /// <summary>The job, or <see cref="NotFoundException"/> when it does not exist or the caller may not see it.</summary>
    public Task<Job> GetJobAsync(Caller caller, long dbId, CancellationToken cancellationToken) =>
        queries.GetAsync(caller, dbId, cancellationToken);

    /// <summary>
    /// The job's data as asked (metric → scope → series), resampled and with statistics series added. A metric that does
    /// not exist, or that the caller may not see, is simply absent. <paramref name="job"/> must come from
    /// <see cref="GetJobAsync"/> (or another access-checked read) for this caller.
    /// </summary>
    public async Task<JobData> LoadDataAsync(Caller caller, Job job, JobDataRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(request);
        CheckScopes(request.Scopes);
        if (request.Resolution < 0)
        {
            throw new InvalidInputException($"resolution must be 0 (native) or a positive number of seconds, not {request.Resolution}");
        }

        var hidden = HiddenMetrics(caller, job);
        var data = IsArchived(job)
            ? await LoadArchivedDataAsync(job, request, hidden, cancellationToken)
            : await LoadLiveDataAsync(job, request, hidden, cancellationToken);

        var minimumPoints = resampling.Value.MinimumPoints;
        var prepared = new JobData();
        foreach (var (metric, scopes) in data)
        {
            if (hidden.Contains(metric))
            {
                continue;
            }

            var byScope = new Dictionary<string, JobMetric>(scopes.Count, StringComparer.Ordinal);
            foreach (var (scope, jobMetric) in scopes)
            {
                byScope[scope] = Prepare(jobMetric, request.Resolution, minimumPoints);
            }

            prepared[metric] = byScope;
        }

        return prepared;
    }

    /// <summary>
    /// Per metric, the job's statistics across its nodes: from <c>meta.json</c> for an archived job; otherwise from the
    /// source, with avg = Σ node averages / numNodes and min and max over the nodes, rounded to two decimals.
    /// A metric without statistics is absent.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, MetricStatistics>> LoadStatisticsAsync(
        Caller caller, Job job, IReadOnlyList<string>? metrics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var hidden = HiddenMetrics(caller, job);
        var result = new Dictionary<string, MetricStatistics>(StringComparer.Ordinal);
        if (IsArchived(job))
        {
            var meta = await archive.ReadMetaAsync(job.Cluster, job.JobId, job.StartTime, cancellationToken);
            var statistics = meta?.Statistics ?? new Dictionary<string, MetricStatistics>();
            foreach (var metric in Distinct(metrics ?? [.. statistics.Keys]))
            {
                if (!hidden.Contains(metric) && statistics.TryGetValue(metric, out var value))
                {
                    result[metric] = value;
                }
            }

            return result;
        }

        if (source is null)
        {
            LogNoSource(logger, job.Id ?? 0);
            return result;
        }

        var names = Visible(metrics, job, hidden);
        if (names.Count == 0)
        {
            return result;
        }

        var load = await source.LoadJobStatisticsAsync(job, names, cancellationToken);
        ReportMissing(job, load.Missing);
        // The same aggregation as archiving and the running-job refresh: avg over the job's node count, min and max over its nodes.
        var configured = ConfiguredMetrics(job).DistinctBy(m => m.Name, StringComparer.Ordinal).ToDictionary(m => m.Name, StringComparer.Ordinal);
        var requested = names.Select(name => configured.GetValueOrDefault(name) ?? new MetricConfig { Name = name }).ToList();
        foreach (var (metric, statistics) in JobStatisticsAggregation.FromHostStatistics(job, load.Data, requested))
        {
            result[metric] = statistics;
        }

        return result;
    }

    /// <summary>
    /// Per metric and scope, the statistics of each series (host, and scope id below node): from <c>data.json</c> for an
    /// archived job (computed from the samples where the file has none), otherwise from the source. Scopes null means
    /// every stored scope for an archived job and node scope for a live one.
    /// </summary>
    public async Task<ScopedJobStatistics> LoadScopedStatisticsAsync(
        Caller caller, Job job, IReadOnlyList<string>? metrics, IReadOnlyList<string>? scopes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        CheckScopes(scopes);
        var hidden = HiddenMetrics(caller, job);
        if (IsArchived(job))
        {
            var data = await ReadArchivedDataAsync(job, cancellationToken);
            var result = new ScopedJobStatistics();
            foreach (var metric in Distinct(metrics ?? [.. data.Keys]))
            {
                if (hidden.Contains(metric) || !data.TryGetValue(metric, out var byScope))
                {
                    continue;
                }

                var entries = new Dictionary<string, List<ScopedStatistics>>(StringComparer.Ordinal);
                foreach (var (scope, jobMetric) in byScope)
                {
                    if (scopes is not null && !scopes.Contains(scope, StringComparer.Ordinal))
                    {
                        continue;
                    }

                    entries[scope] = [.. jobMetric.Series
                        .Select(s => (s.Hostname, s.Id, Statistics: s.Statistics ?? SeriesStatistics.Of(s.Data)))
                        .Where(s => s.Statistics is not null)
                        .Select(s => new ScopedStatistics(s.Hostname, s.Id, s.Statistics!))];
                }

                result[metric] = entries;
            }

            return MetricStatisticsRounding.Round(result);
        }

        if (source is null)
        {
            LogNoSource(logger, job.Id ?? 0);
            return [];
        }

        var names = Visible(metrics, job, hidden);
        if (names.Count == 0)
        {
            return [];
        }

        var load = await source.LoadScopedJobStatisticsAsync(job, names, scopes ?? NodeScopeOnly, cancellationToken);
        ReportMissing(job, load.Missing);
        foreach (var metric in hidden)
        {
            load.Data.Remove(metric);
        }

        return MetricStatisticsRounding.Round(load.Data);
    }

    private static bool IsArchived(Job job) => job.MonitoringStatus == MonitoringStatus.ArchivingSuccessful;

    private async Task<JobData> LoadArchivedDataAsync(Job job, JobDataRequest request, HashSet<string> hidden, CancellationToken cancellationToken)
    {
        var data = await ReadArchivedDataAsync(job, cancellationToken);
        if (request.Metrics is null && request.Scopes is null)
        {
            return data;
        }

        // cc-backend's filter: the named metrics (all when none are named); of a metric stored at several scopes, the
        // asked scopes when it has any of them, else all it has.
        var result = new JobData();
        foreach (var metric in Distinct(request.Metrics ?? [.. data.Keys]))
        {
            if (hidden.Contains(metric) || !data.TryGetValue(metric, out var byScope))
            {
                continue;
            }

            if (request.Scopes is not null && byScope.Count > 1)
            {
                var subset = byScope.Where(s => request.Scopes.Contains(s.Key, StringComparer.Ordinal))
                    .ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
                if (subset.Count > 0)
                {
                    byScope = subset;
                }
            }

            result[metric] = byScope;
        }

        return result;
    }

    private async Task<JobData> ReadArchivedDataAsync(Job job, CancellationToken cancellationToken)
    {
        var data = await cache.GetOrReadAsync(job.Cluster, job.JobId, job.StartTime,
            () => archive.ReadDataAsync(job.Cluster, job.JobId, job.StartTime, cancellationToken));
        if (data is null)
        {
            LogArchivedDataMissing(logger, job.Id ?? 0, job.Cluster, job.JobId, job.StartTime);
            return [];
        }

        return data;
    }

    private async Task<JobData> LoadLiveDataAsync(Job job, JobDataRequest request, HashSet<string> hidden, CancellationToken cancellationToken)
    {
        if (source is null)
        {
            LogNoSource(logger, job.Id ?? 0);
            return [];
        }

        var metrics = Visible(request.Metrics, job, hidden);
        if (metrics.Count == 0)
        {
            return [];
        }

        var load = await source.LoadJobDataAsync(job, metrics, request.Scopes ?? NodeScopeOnly, request.Resolution, cancellationToken);
        ReportMissing(job, load.Missing);
        return load.Data;
    }

    /// <summary>
    /// Resampled to <paramref name="resolution"/> (a no-op when the source already did it or the series are short), with
    /// series statistics rounded and a statistics series for many series. An archived statistics series is kept at
    /// native resolution and recomputed after resampling, so it always matches the series it summarises.
    /// </summary>
    private static JobMetric Prepare(JobMetric metric, int resolution, int minimumPoints)
    {
        var series = metric.Series;
        var timestep = metric.Timestep;
        var resampled = false;
        if (resolution > 0)
        {
            var downsampled = new MetricSeries[series.Count];
            for (var i = 0; i < series.Count; i++)
            {
                var (data, step) = Lttb.Downsample(series[i].Data, metric.Timestep, resolution, minimumPoints);
                if (!ReferenceEquals(data, series[i].Data))
                {
                    resampled = true;
                    timestep = step;
                    downsampled[i] = series[i] with { Data = data };
                }
                else
                {
                    downsampled[i] = series[i];
                }
            }

            series = downsampled;
        }

        var rounded = series
            .Select(s => s.Statistics is null ? s : s with { Statistics = MetricStatisticsRounding.IsFinite(s.Statistics) ? MetricStatisticsRounding.Round(s.Statistics) : null })
            .ToList();
        var statisticsSeries = resampled ? null : metric.StatisticsSeries;
        if (statisticsSeries is null && rounded.Count >= StatisticsSeriesMinimumSeries)
        {
            statisticsSeries = StatisticsSeriesBuilder.Build(rounded);
        }

        return metric with { Timestep = timestep, Series = rounded, StatisticsSeries = statisticsSeries };
    }

    /// <summary>Metrics the caller may not see on the job's subcluster: empty unless the caller's only role is user.</summary>
    private HashSet<string> HiddenMetrics(Caller caller, Job job)
    {
        var hidden = new HashSet<string>(StringComparer.Ordinal);
        if (AccessRules.SeesRestrictedMetrics(caller))
        {
            return hidden;
        }

        var all = catalog.MetricConfigFor(job.Cluster, job.SubCluster, restrictedCaller: false);
        if (all.Count == 0)
        {
            // Unknown subcluster: the cluster-wide flags decide.
            hidden.UnionWith(catalog.Find(job.Cluster)?.MetricConfig.Where(m => m.Restrict).Select(m => m.Name) ?? []);
            return hidden;
        }

        hidden.UnionWith(all.Select(m => m.Name));
        hidden.ExceptWith(catalog.MetricConfigFor(job.Cluster, job.SubCluster, restrictedCaller: true).Select(m => m.Name));
        return hidden;
    }

    /// <summary>The asked metrics without hidden ones; all the job's subcluster measures when none are named.</summary>
    private List<string> Visible(IReadOnlyList<string>? metrics, Job job, HashSet<string> hidden)
    {
        IEnumerable<string> names = metrics ?? ConfiguredMetrics(job).Select(m => m.Name);
        return [.. Distinct(names).Where(m => !hidden.Contains(m))];
    }

    private IReadOnlyList<MetricConfig> ConfiguredMetrics(Job job)
    {
        var configs = catalog.MetricConfigFor(job.Cluster, job.SubCluster, restrictedCaller: false);
        return configs.Count > 0 ? configs : catalog.Find(job.Cluster)?.MetricConfig ?? [];
    }

    private void ReportMissing(Job job, IReadOnlyList<string> missing)
    {
        if (missing.Count > 0)
        {
            var first = string.Join("; ", missing.Take(5));
            LogPartialData(logger, job.Id ?? 0, missing.Count, first);
        }
    }

    private static IEnumerable<string> Distinct(IEnumerable<string> names) => names.Distinct(StringComparer.Ordinal);

    private static void CheckScopes(IReadOnlyList<string>? scopes)
    {
        foreach (var scope in scopes ?? [])
        {
            if (!MetricScopes.IsValid(scope))
            {
                throw new InvalidInputException($"'{scope}' is not a metric scope; use one of {string.Join(", ", MetricScopes.All)}");
            }
        }
    }

    [LoggerMessage(EventId = 4701, Level = LogLevel.Warning, Message = "Job {DbId} is not archived, and no metric source is configured to read its data from")]
    private static partial void LogNoSource(ILogger logger, long dbId);

    [LoggerMessage(EventId = 4702, Level = LogLevel.Warning, Message = "Job {DbId} ({Cluster} {JobId} started {StartTime}) is marked archived, but the archive has no data.json for it")]
    private static partial void LogArchivedDataMissing(ILogger logger, long dbId, string cluster, long jobId, long startTime);

    [LoggerMessage(EventId = 4703, Level = LogLevel.Information, Message = "Job {DbId}: the metric source lacked {Count} series; first: {Missing}")]
    private static partial void LogPartialData(ILogger logger, long dbId, int count, string missing);
}
