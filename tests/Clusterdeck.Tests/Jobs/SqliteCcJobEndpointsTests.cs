namespace Clusterdeck.Tests.Jobs;

public sealed class SqliteCcJobEndpointsTests : CcJobEndpointsTests
{
    protected override Task<string[]> DatabaseSettingsAsync() => Task.FromResult<string[]>([]);
}
