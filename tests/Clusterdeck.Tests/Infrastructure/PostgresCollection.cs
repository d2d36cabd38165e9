using System.Diagnostics.CodeAnalysis;

namespace Clusterdeck.Tests.Infrastructure;

/// <summary>
/// Test classes marked <c>[Collection(PostgresCollection.Name)]</c> share one <see cref="PostgresServer"/>
/// (take it as a constructor parameter) and run one after another; each creates its own database.
/// </summary>
[CollectionDefinition(Name)]
[SuppressMessage("Naming", "CA1711", Justification = "xUnit calls these collection definitions; the name says what they are.")]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL server";
}
