using Clusterdeck.Core.Metrics;
using Clusterdeck.Core.Metrics.Agent;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clusterdeck.Tests.Metrics.Agent;

/// <summary>The NVIDIA collector against <see cref="FakeNvidiaSmi"/> (no GPU on this machine), through the reader that finds it on PATH.</summary>
public sealed class NvidiaSmiCollectorTests
{
    // Two A40s as nvidia-smi 535 prints them; the second reports no power draw.
    private const string TwoGpus =
        "00000000:01:00.0, 87, 45, 30420, 250.12, 65, 1410\n" +
        "00000000:25:00.0, 0, 0, 1, [N/A], 34, 210\n";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadAsync_NvidiaSmiOnPath_AcceleratorMetricsByPciBusId()
    {
        using var fake = new FakeNvidiaSmi(TwoGpus);
        var reader = NodeMetricsReader.Create(NodeFiles.Real, TimeProvider.System, NullLogger<NodeMetricsReader>.Instance, fake.SearchPath);
        Assert.Contains("nvidia", reader.CollectorNames);

        var gpus = (await reader.ReadAsync(Token)).Where(m => m.Type == MetricScopes.Accelerator).ToList();

        Assert.Equal(
            [
                new NodeMetric(AgentMetricNames.AccUtilization, MetricScopes.Accelerator, "00000000:01:00.0", 87),
                new NodeMetric(AgentMetricNames.NvMemUtil, MetricScopes.Accelerator, "00000000:01:00.0", 45),
                new NodeMetric(AgentMetricNames.AccMemUsed, MetricScopes.Accelerator, "00000000:01:00.0", 30420.0 * 1048576 / 1e9),
                new NodeMetric(AgentMetricNames.AccPower, MetricScopes.Accelerator, "00000000:01:00.0", 250.12),
                new NodeMetric(AgentMetricNames.NvTemp, MetricScopes.Accelerator, "00000000:01:00.0", 65),
                new NodeMetric(AgentMetricNames.NvSmClock, MetricScopes.Accelerator, "00000000:01:00.0", 1410),
                new NodeMetric(AgentMetricNames.AccUtilization, MetricScopes.Accelerator, "00000000:25:00.0", 0),
                new NodeMetric(AgentMetricNames.NvMemUtil, MetricScopes.Accelerator, "00000000:25:00.0", 0),
                new NodeMetric(AgentMetricNames.AccMemUsed, MetricScopes.Accelerator, "00000000:25:00.0", 1048576 / 1e9),
                new NodeMetric(AgentMetricNames.NvTemp, MetricScopes.Accelerator, "00000000:25:00.0", 34),
                new NodeMetric(AgentMetricNames.NvSmClock, MetricScopes.Accelerator, "00000000:25:00.0", 210),
            ],
            gpus);
    }

    [Fact]
    public void Create_NoNvidiaSmiOnPath_NoNvidiaCollector()
    {
        var empty = Directory.CreateTempSubdirectory("clusterdeck-path-");
        try
        {
            var reader = NodeMetricsReader.Create(NodeFiles.Real, TimeProvider.System, NullLogger<NodeMetricsReader>.Instance, empty.FullName);
            Assert.Equal(["loadavg", "cpustat", "memstat", "netstat", "diskstat"], reader.CollectorNames);
        }
        finally
        {
            empty.Delete();
        }
    }

    [Fact]
    public async Task ReadAsync_NvidiaSmiFails_OtherMetricsStillRead()
    {
        using var fake = new FakeNvidiaSmi("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.\n", exitCode: 9);
        var reader = NodeMetricsReader.Create(NodeFiles.Real, TimeProvider.System, NullLogger<NodeMetricsReader>.Instance, fake.SearchPath);

        var metrics = await reader.ReadAsync(Token);

        Assert.DoesNotContain(metrics, m => m.Type == MetricScopes.Accelerator);
        Assert.Contains(metrics, m => m.Name == AgentMetricNames.CpuLoad);
    }

    [Fact]
    public void Parse_WrongColumnCount_NamesTheLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => NvidiaSmiCollector.Parse("00000000:01:00.0, 87\n").ToList());
        Assert.Contains("'00000000:01:00.0, 87'", error.Message, StringComparison.Ordinal);
    }
}
