using Clusterdeck.Core.Metrics;
using Clusterdeck.Core.Metrics.Sources;
using Clusterdeck.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Clusterdeck.Tests.Metrics.Sources;

/// <summary>The source suite against an external cc-metric-store: a second Clusterdeck's <c>/api/query</c>.</summary>
public sealed class ExternalMetricSourceTests(ExternalSourceFixture fixture)
    : MetricSourceContractTests<ExternalSourceFixture>(fixture), IClassFixture<ExternalSourceFixture>
{
    [Fact]
    public async Task LoadJobData_WrongToken_FailsWithTheStoresAnswerAndNoToken()
    {
        Fixture.SkipIfUnavailable();
        const string wrongToken = "not-a-token-of-the-store";
        await using var reader = await ClusterdeckServer.StartAsync(
            ["MetricSource:Kind=cc-metric-store", $"MetricSource:Url={Fixture.Store!.BaseAddress}", $"MetricSource:Token={wrongToken}"],
            prepare: SourceTestCluster.WriteArchive);
        var source = reader.Services.GetRequiredService<IMetricSource>();

        var error = await Assert.ThrowsAsync<MetricSourceException>(
            () => source.LoadJobDataAsync(CompletedJob(["node01"]), [SourceTestCluster.Load], [MetricScopes.Node], 0, Cancel));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongToken, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadJobData_TokenFromTokenFile_ReadsTheStore()
    {
        Fixture.SkipIfUnavailable();
        var tokenFile = Path.Combine(Fixture.Store!.DataDirectory, "store-token");
        await File.WriteAllTextAsync(tokenFile, await Fixture.Store.AdminTokenAsync() + "\n", Cancel);
        await using var reader = await ClusterdeckServer.StartAsync(
            ["MetricSource:Kind=cc-metric-store", $"MetricSource:Url={Fixture.Store.BaseAddress}", $"MetricSource:TokenFile={tokenFile}"],
            prepare: SourceTestCluster.WriteArchive);
        var source = reader.Services.GetRequiredService<IMetricSource>();

        var load = await source.LoadJobStatisticsAsync(CompletedJob(["node01"]), [SourceTestCluster.Load], Cancel);

        Assert.Empty(load.Missing);
        Assert.Equal(42.5, load.Data[SourceTestCluster.Load]["node01"].Avg, 3);
    }

    [Fact]
    public async Task LoadJobData_StoreDown_FailsWithTheUrl()
    {
        Fixture.SkipIfUnavailable();
        var url = $"http://127.0.0.1:{LoopbackPort.FindFree()}";
        await using var reader = await ClusterdeckServer.StartAsync(
            ["MetricSource:Kind=cc-metric-store", $"MetricSource:Url={url}", "MetricSource:Token=t"], prepare: SourceTestCluster.WriteArchive);
        var source = reader.Services.GetRequiredService<IMetricSource>();

        var error = await Assert.ThrowsAsync<MetricSourceException>(
            () => source.LoadJobDataAsync(CompletedJob(["node01"]), [SourceTestCluster.Load], [MetricScopes.Node], 0, Cancel));

        Assert.Contains(url, error.Message, StringComparison.Ordinal);
    }
}
