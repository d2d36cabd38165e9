using Clusterdeck.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Metrics.Sources;

/// <summary>Checks the <c>MetricSource</c> section and every per-cluster override, reporting all problems at once by key.</summary>
internal sealed class MetricSourceOptionsValidator : IValidateOptions<MetricSourceOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricSourceOptions options)
    {
        var failures = new OptionsFailures(MetricSourceOptions.SectionName);
        Check(failures, "", options);
        foreach (var (cluster, backend) in options.Clusters)
        {
            if (backend is null)
            {
                failures.Add($"Clusters:{cluster}", "is empty; give at least Kind");
                continue;
            }

            Check(failures, $"Clusters:{cluster}:", backend);
        }

        return failures.ToResult();
    }

    private static void Check(OptionsFailures failures, string prefix, MetricBackendOptions options)
    {
        if (!MetricSourceKinds.All.Contains(options.Kind, StringComparer.Ordinal))
        {
            failures.Add(prefix + nameof(options.Kind), $"'{options.Kind}' is not one of {string.Join(", ", MetricSourceKinds.All)}");
            return;
        }

        failures.RequireDuration(prefix + nameof(options.Timeout), options.Timeout);
        switch (options.Kind)
        {
            case MetricSourceKinds.CcMetricStore:
                RequireUrl(failures, prefix, options);
                if (!string.IsNullOrEmpty(options.Token) && !string.IsNullOrEmpty(options.TokenFile))
                {
                    failures.Add(prefix + nameof(options.TokenFile), "give Token or TokenFile, not both");
                }
                else if (!string.IsNullOrEmpty(options.TokenFile) && !File.Exists(options.TokenFile))
                {
                    failures.Add(prefix + nameof(options.TokenFile), $"'{options.TokenFile}' does not exist");
                }

                break;

            case MetricSourceKinds.Prometheus:
                RequireUrl(failures, prefix, options);
                if (options.Templates.Count == 0)
                {
                    failures.Add(prefix + nameof(options.Templates), "is empty; give one PromQL query per metric, e.g. Templates:cpu_load = node_load1{exported_instance=~\"{{.Nodes}}\"}");
                }

                foreach (var (metric, template) in options.Templates)
                {
                    if (string.IsNullOrWhiteSpace(template))
                    {
                        failures.Add($"{prefix}{nameof(options.Templates)}:{metric}", "is empty");
                    }
                    else if (PromQlTemplate.UnknownPlaceholder(template) is { } unknown)
                    {
                        failures.Add($"{prefix}{nameof(options.Templates)}:{metric}", $"placeholder '{unknown}' is unknown; the only one is {PromQlTemplate.NodesPlaceholder}");
                    }
                }

                if (!string.IsNullOrEmpty(options.Username) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(MetricSourceOptions.PrometheusPasswordVariable)))
                {
                    failures.Add(prefix + nameof(options.Username), $"is set, but the environment variable {MetricSourceOptions.PrometheusPasswordVariable} with the password is not");
                }

                break;
        }
    }

    private static void RequireUrl(OptionsFailures failures, string prefix, MetricBackendOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Url))
        {
            failures.Add(prefix + nameof(options.Url), $"is required for Kind {options.Kind}");
        }
        else if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add(prefix + nameof(options.Url), $"'{options.Url}' is not an http:// or https:// URL");
        }
    }
}
