namespace Clusterdeck.Tests.Nodes;

public sealed class SqliteNodeHealthTests : NodeHealthTests
{
    protected override Task<string[]> DatabaseSettingsAsync() => Task.FromResult<string[]>([]);
}
