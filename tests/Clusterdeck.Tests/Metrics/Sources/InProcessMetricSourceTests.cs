namespace Clusterdeck.Tests.Metrics.Sources;

/// <summary>The source suite against the default source, the server's in-process metric store.</summary>
public sealed class InProcessMetricSourceTests(InProcessSourceFixture fixture)
    : MetricSourceContractTests<InProcessSourceFixture>(fixture), IClassFixture<InProcessSourceFixture>;
