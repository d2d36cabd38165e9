namespace Clusterdeck.Data;

/// <summary>What <c>/readyz</c> reports: can we reach the database, and is its schema current.</summary>
public sealed record DatabaseStatus(bool Reachable, IReadOnlyList<string> PendingMigrations, string? Error)
{
    public bool Ready => Reachable && PendingMigrations.Count == 0;
}
