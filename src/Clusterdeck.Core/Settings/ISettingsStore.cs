namespace Clusterdeck.Core.Settings;

/// <summary>
/// Site-wide settings that administrators change at run time (the notice banner), kept in the database so every replica
/// reads the same value. Implementations must make each call atomic: a reader sees the old or the new value, never a mix.
/// </summary>
public interface ISettingsStore
{
    /// <summary>The value stored under <paramref name="name"/>, or null when none is.</summary>
    Task<string?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="value"/> under <paramref name="name"/>, replacing any earlier value; null removes it.</summary>
    Task SetAsync(string name, string? value, CancellationToken cancellationToken);
}
