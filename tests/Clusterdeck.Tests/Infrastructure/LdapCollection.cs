using System.Diagnostics.CodeAnalysis;

namespace Clusterdeck.Tests.Infrastructure;

/// <summary>
/// Test classes marked <c>[Collection(LdapCollection.Name)]</c> share one <see cref="SlapdServer"/>
/// (take it as a constructor parameter) and run one after another.
/// </summary>
[CollectionDefinition(Name)]
[SuppressMessage("Naming", "CA1711", Justification = "xUnit calls these collection definitions; the name says what they are.")]
public sealed class LdapCollection : ICollectionFixture<SlapdServer>
{
    public const string Name = "OpenLDAP server";
}
