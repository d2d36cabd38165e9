namespace Clusterdeck.Tests.GraphQL;

public sealed class SqliteGraphQLJobTests : GraphQLJobTestsBase
{
    protected override Task<IReadOnlyList<string>> DatabaseSettingsAsync() => Task.FromResult<IReadOnlyList<string>>([]);
}
