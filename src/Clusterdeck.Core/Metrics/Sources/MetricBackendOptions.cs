namespace Clusterdeck.Core.Metrics.Sources;

/// <summary>Where one cluster's metrics come from: the keys of the <c>MetricSource</c> section and of each per-cluster override.</summary>
public class MetricBackendOptions
{
    /// <summary>One of <see cref="MetricSourceKinds"/>; <c>internal</c> by default.</summary>
    public string Kind { get; set; } = MetricSourceKinds.Internal;

    /// <summary>Base URL of the cc-metric-store (its <c>/api/query</c> is appended) or of the Prometheus server.</summary>
    public string? Url { get; set; }

    /// <summary>The bearer token for a cc-metric-store. Prefer <see cref="TokenFile"/>; never both.</summary>
    public string? Token { get; set; }

    /// <summary>A file holding the bearer token for a cc-metric-store (surrounding whitespace ignored).</summary>
    public string? TokenFile { get; set; }

    /// <summary>
    /// Prometheus: metric name → PromQL. <c>{{.Nodes}}</c> becomes a regular expression matching the hosts asked for
    /// (with <see cref="Suffix"/>); results are matched to hosts by their <c>exported_instance</c> label, as in cc-backend.
    /// </summary>
    public Dictionary<string, string> Templates { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Prometheus: what the <c>exported_instance</c> label adds to a hostname (e.g. a domain), as cc-backend's <c>suffix</c>.</summary>
    public string? Suffix { get; set; }

    /// <summary>Prometheus: basic-auth user; the password comes from the environment variable <c>PROMETHEUS_PASSWORD</c>, as in cc-backend.</summary>
    public string? Username { get; set; }

    /// <summary>
    /// How long one request to an external source may take (Go duration or d.hh:mm:ss; default 5m). Generous on
    /// purpose: a large job's data is one request, and cc-backend's fixed 10 s limit failed such jobs.
    /// </summary>
    public string Timeout { get; set; } = "5m";
}
