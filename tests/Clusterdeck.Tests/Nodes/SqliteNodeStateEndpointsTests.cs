namespace Clusterdeck.Tests.Nodes;

public sealed class SqliteNodeStateEndpointsTests : NodeStateEndpointsTests
{
    protected override Task<string[]> DatabaseSettingsAsync() => Task.FromResult<string[]>([]);
}
