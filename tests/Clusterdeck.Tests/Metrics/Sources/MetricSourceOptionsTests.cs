using Clusterdeck.Cli;
using Clusterdeck.Core.Metrics.Sources;
using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Metrics.Sources;

public sealed class MetricSourceOptionsTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("clusterdeck-metricsource-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Serve_BadMetricSourceSection_IsRefusedNamingEveryKey()
    {
        var file = Path.Combine(_directory.FullName, "bad.json");
        await File.WriteAllTextAsync(file, """
            {
              "MetricSource": {
                "Kind": "cc-metric-store",
                "Url": "ftp://metrics",
                "Token": "secret-token-value",
                "TokenFile": "/nonexistent/token",
                "Timeout": "soon",
                "Tokn": "typo",
                "Clusters": {
                  "emmy": { "Kind": "prometheus", "Templates": { "flops_any": "rate(x{host=~\"{{.Hosts}}\"}[1m])" } },
                  "fritz": { "Kind": "influx" }
                }
              }
            }
            """, TestContext.Current.CancellationToken);

        var result = await CommandResult.RunAsync("serve", "--config", file, $"--data-dir={_directory.FullName}");

        Assert.Equal(ClusterdeckCommandLine.ConfigurationError, result.ExitCode);
        string[] expected =
        [
            "MetricSource:Url", "MetricSource:TokenFile", "MetricSource:Timeout", "MetricSource:Tokn",
            "MetricSource:Clusters:emmy:Url", "MetricSource:Clusters:emmy:Templates:flops_any", "{{.Hosts}}",
            "MetricSource:Clusters:fritz:Kind",
        ];
        foreach (var key in expected)
        {
            Assert.Contains(key, result.Error, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("secret-token-value", result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Expand_Hosts_BecomeAnEscapedAlternationWithTheSuffix()
    {
        var query = PromQlTemplate.Expand("node_load1{exported_instance=~\"{{.Nodes}}\"} + up{i=~\"{{ .Nodes }}\"}", ["a01", "b.x"], ".cluster");

        Assert.Equal(
            """node_load1{exported_instance=~"(?:a01|b\\.x)\\.cluster"} + up{i=~"(?:a01|b\\.x)\\.cluster"}""",
            query);
    }

    [Fact]
    public void Expand_NoHosts_MatchesEveryHost()
    {
        Assert.Equal("x{h=~\".*\"}", PromQlTemplate.Expand("x{h=~\"{{.Nodes}}\"}", [], ""));
    }
}
