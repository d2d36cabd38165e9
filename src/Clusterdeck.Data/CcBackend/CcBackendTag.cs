namespace Clusterdeck.Data.CcBackend;

/// <summary>A row of cc-backend's <c>tag</c> table.</summary>
public sealed record CcBackendTag(long Id, string Type, string Name, string Scope);
