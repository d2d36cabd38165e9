using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Jobs;
using Microsoft.Extensions.Logging;

namespace Clusterdeck.Core.Metrics.Sources;

/// <summary>
/// <see cref="IMetricSource"/> over Prometheus' <c>/api/v1/query_range</c>, as cc-backend's Prometheus repository: one
/// PromQL template per metric (see <see cref="PromQlTemplate"/>), one range query per metric over all hosts asked for,
/// series matched to hosts by the <c>exported_instance</c> label minus the configured suffix. Node scope only: a metric
/// measured below node scope cannot be shown at its native scope here, and other scopes are reported missing.
/// </summary>
/// <remarks>
/// The step is the metric's timestep, or the requested resolution when that is coarser. Samples sit at
/// <c>from + i × step</c> for every such time before <c>to</c>, which is the layout the metric store answers with.
/// </remarks>
public sealed class PrometheusSource : IMetricSource, IDisposable
{
    /// <summary>The label cc-backend reads the hostname from (a node exporter's <c>instance</c> label, renamed on scrape).</summary>
    public const string HostLabel = "exported_instance";

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly IReadOnlyDictionary<string, string> _templates;
    private readonly string _suffix;
    private readonly TimeSpan _timeout;
    private readonly IClusterCatalog _catalog;
    private readonly TimeProvider _time;
    private readonly ILogger<PrometheusSource> _logger;

    public PrometheusSource(
        Uri baseUrl, IReadOnlyDictionary<string, string> templates, string? suffix, (string User, string Password)? basicAuth, TimeSpan timeout,
        IClusterCatalog catalog, TimeProvider time, ILogger<PrometheusSource> logger)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        _endpoint = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/api/v1/query_range");
        _templates = templates;
        _suffix = suffix ?? "";
        _timeout = timeout;
        _catalog = catalog;
        _time = time;
        _logger = logger;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        if (basicAuth is var (user, password))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }
    }

    public async Task<MetricLoad<JobData>> LoadJobDataAsync(
        Job job, IReadOnlyList<string> metrics, IReadOnlyList<string> scopes, int resolution, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        var window = JobWindow.Of(job, _time);
        var hosts = job.Resources.Select(r => r.Hostname).Distinct(StringComparer.Ordinal).ToList();
        var configs = _catalog.MetricConfigFor(job.Cluster, job.SubCluster, restrictedCaller: false);
        var byHost = await LoadAsync(configs, $"{job.Cluster}/{job.SubCluster}", hosts, metrics, scopes, window.From, window.To, resolution, missing, cancellationToken);

        var data = new JobData();
        foreach (var (metric, (config, timestep, series)) in byHost)
        {
            var ordered = hosts.Where(series.ContainsKey).Select(h => series[h]).ToList();
            if (ordered.Count == 0)
            {
                // As cc-backend: a metric without any host's data is left out (its hosts are named missing).
                continue;
            }

            data[metric] = new Dictionary<string, JobMetric>(StringComparer.Ordinal)
            {
                [MetricScopes.Node] = new JobMetric { Unit = config.Unit, Timestep = timestep, Series = ordered },
            };
        }

        return new MetricLoad<JobData>(data, missing);
    }

    public async Task<MetricLoad<JobStatistics>> LoadJobStatisticsAsync(Job job, IReadOnlyList<string> metrics, CancellationToken cancellationToken)
    {
        var load = await LoadJobDataAsync(job, metrics, [MetricScopes.Node], 0, cancellationToken);
        var statistics = new JobStatistics();
        foreach (var (metric, byScope) in load.Data)
        {
            var node = byScope[MetricScopes.Node];
            statistics[metric] = node.Series.ToDictionary(
                s => s.Hostname,
                s => new MetricStatistics { Unit = node.Unit, Avg = s.Statistics!.Avg, Min = s.Statistics.Min, Max = s.Statistics.Max },
                StringComparer.Ordinal);
        }

        return new MetricLoad<JobStatistics>(statistics, load.Missing);
    }

    public async Task<MetricLoad<ScopedJobStatistics>> LoadScopedJobStatisticsAsync(
        Job job, IReadOnlyList<string> metrics, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        var load = await LoadJobDataAsync(job, metrics, scopes, 0, cancellationToken);
        var statistics = new ScopedJobStatistics();
        foreach (var (metric, byScope) in load.Data)
        {
            statistics[metric] = new Dictionary<string, List<ScopedStatistics>>(StringComparer.Ordinal)
            {
                [MetricScopes.Node] = [.. byScope[MetricScopes.Node].Series.Select(s => new ScopedStatistics(s.Hostname, null, s.Statistics!))],
            };
        }

        return new MetricLoad<ScopedJobStatistics>(statistics, load.Missing);
    }

    public async Task<MetricLoad<NodeData>> LoadNodeDataAsync(
        string cluster, IReadOnlyList<string> hosts, IReadOnlyList<string> metrics, IReadOnlyList<string> scopes,
        long fromTime, long toTime, int resolution, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        var data = new NodeData();
        if (_catalog.Find(cluster) is not { } known)
        {
            missing.Add($"all metrics: cluster '{cluster}' is unknown");
            return new MetricLoad<NodeData>(data, missing);
        }

        // Metric configs differ per subcluster only in thresholds and removals; the cluster's list names them all.
        var byHost = await LoadAsync(known.MetricConfig, cluster, [.. hosts.Distinct(StringComparer.Ordinal)], metrics, scopes, fromTime, toTime, resolution, missing, cancellationToken);
        foreach (var (metric, (config, timestep, series)) in byHost)
        {
            foreach (var (host, one) in series)
            {
                if (!data.TryGetValue(host, out var hostData))
                {
                    data[host] = hostData = new JobData();
                }

                hostData[metric] = new Dictionary<string, JobMetric>(StringComparer.Ordinal)
                {
                    [MetricScopes.Node] = new JobMetric { Unit = config.Unit, Timestep = timestep, Series = [one] },
                };
            }
        }

        return new MetricLoad<NodeData>(data, missing);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>metric → (config, step, host → series) for every metric that has node-scope data here.</summary>
    private async Task<Dictionary<string, (MetricConfig Config, int Step, Dictionary<string, MetricSeries> Series)>> LoadAsync(
        IReadOnlyList<MetricConfig> configs, string where, List<string> hosts, IReadOnlyList<string> metrics, IReadOnlyList<string> scopes,
        long from, long to, int resolution, List<string> missing, CancellationToken cancellationToken)
    {
        var byName = configs.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var wanted = metrics.Count == 0 ? configs.Select(c => c.Name).ToList() : metrics.Distinct(StringComparer.Ordinal).ToList();
        var requested = scopes.Count == 0 ? [MetricScopes.Node] : scopes.Distinct(StringComparer.Ordinal).ToList();
        var result = new Dictionary<string, (MetricConfig, int, Dictionary<string, MetricSeries>)>(StringComparer.Ordinal);
        foreach (var metric in wanted)
        {
            if (!byName.TryGetValue(metric, out var config))
            {
                missing.Add($"{metric}: not a metric of {where}");
                continue;
            }

            // Node scope is all this source can show: asked for directly, or for a finer scope of a metric measured
            // per node (which the other sources show at node scope as well).
            var node = false;
            foreach (var scope in requested)
            {
                if (!MetricScopes.IsValid(scope))
                {
                    missing.Add($"scope '{scope}': unknown (known: {string.Join(", ", MetricScopes.All)})");
                }
                else if (ScopeQueryBuilder.Effective(config.Scope, scope) == MetricScopes.Node)
                {
                    node = true;
                }
                else
                {
                    missing.Add($"{metric} at scope {scope}: the Prometheus source serves node scope only");
                }
            }

            if (!node)
            {
                continue;
            }

            if (!_templates.TryGetValue(metric, out var template))
            {
                missing.Add($"{metric}: no PromQL template configured (MetricSource:Templates:{metric})");
                continue;
            }

            var step = Math.Max(config.Timestep, resolution);
            var count = to > from ? (int)((to - from + step - 1) / step) : 0;
            if (count == 0)
            {
                result[metric] = (config, step, new Dictionary<string, MetricSeries>(StringComparer.Ordinal));
                continue;
            }

            var query = PromQlTemplate.Expand(template, hosts, _suffix);
            var answer = await QueryRangeAsync(query, from, from + ((long)(count - 1) * step), step, cancellationToken);
            if (answer.Status != "success" || answer.Data is null)
            {
                missing.Add($"{metric}: Prometheus refused the query: {answer.ErrorType} {answer.Error}".TrimEnd());
                continue;
            }

            if (answer.Warnings is { Count: > 0 } warnings)
            {
                MetricSourceLog.PrometheusWarnings(_logger, metric, string.Join("; ", warnings));
            }

            var series = new Dictionary<string, MetricSeries>(StringComparer.Ordinal);
            foreach (var row in answer.Data.Result)
            {
                var label = row.Metric.GetValueOrDefault(HostLabel, "");
                var host = label.EndsWith(_suffix, StringComparison.Ordinal) ? label[..^_suffix.Length] : label;
                if (host.Length > 0 && (hosts.Count == 0 || hosts.Contains(host, StringComparer.Ordinal)))
                {
                    // A template should yield one series per host; with more, the first one counts.
                    series.TryAdd(host, ToSeries(host, row, from, step, count));
                }
            }

            foreach (var host in hosts.Where(h => !series.ContainsKey(h)))
            {
                missing.Add($"{metric} on {host}: no data");
            }

            result[metric] = (config, step, series);
        }

        return result;
    }

    private async Task<PrometheusResponse> QueryRangeAsync(string query, long start, long end, int step, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);

        // POST with a form body: the host regex of a large job does not fit in a URL.
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["query"] = query,
            ["start"] = start.ToString(CultureInfo.InvariantCulture),
            ["end"] = end.ToString(CultureInfo.InvariantCulture),
            ["step"] = step.ToString(CultureInfo.InvariantCulture),
        });
        try
        {
            using var response = await _http.PostAsync(_endpoint, content, timeout.Token);
            var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            await using (body)
            {
                PrometheusResponse? answer = null;
                try
                {
                    answer = await JsonSerializer.DeserializeAsync(body, MetricSourceJsonContext.Default.PrometheusResponse, timeout.Token);
                }
                catch (JsonException) when (!response.IsSuccessStatusCode)
                {
                    // Not Prometheus' JSON error: reported below with the status.
                }

                // 400 and 422 are Prometheus' answers to a bad query (a template problem): they have an error body.
                if (answer is null || (!response.IsSuccessStatusCode && answer.Status != "error"))
                {
                    throw new MetricSourceException($"Prometheus at {_endpoint} answered {(int)response.StatusCode} {response.ReasonPhrase}");
                }

                return answer;
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MetricSourceException($"Prometheus at {_endpoint} did not answer within {_timeout}", e);
        }
        catch (HttpRequestException e)
        {
            throw new MetricSourceException($"Prometheus at {_endpoint} cannot be reached: {e.Message}", e);
        }
        catch (JsonException e)
        {
            throw new MetricSourceException($"Prometheus at {_endpoint} answered something that is not a query result: {e.Message}", e);
        }
    }

    private static MetricSeries ToSeries(string host, PrometheusSeries row, long from, int step, int count)
    {
        var data = new float[count];
        Array.Fill(data, float.NaN);
        foreach (var pair in row.Values)
        {
            if (pair.Length != 2 || !pair[0].TryGetDouble(out var timestamp))
            {
                continue;
            }

            var index = (long)Math.Round((timestamp - from) / step);
            if (index >= 0 && index < count
                && pair[1].GetString() is { } text
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                data[index] = (float)value;
            }
        }

        return new MetricSeries { Hostname = host, Statistics = SeriesStatistics.Of(data) ?? new SeriesStatistics(), Data = data };
    }
}
