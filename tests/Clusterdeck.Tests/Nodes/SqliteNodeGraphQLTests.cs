namespace Clusterdeck.Tests.Nodes;

public sealed class SqliteNodeGraphQLTests : NodeGraphQLTests
{
    protected override Task<string[]> DatabaseSettingsAsync() => Task.FromResult<string[]>([]);
}
