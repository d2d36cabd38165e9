namespace Clusterdeck.Hosting;

/// <summary>What the command line contributes to configuration.</summary>
/// <param name="ConfigFile">The <c>--config</c> file; null means <c>./clusterdeck.json</c> when it exists.</param>
/// <param name="DataDirectory">The <c>--data-dir</c> value (<c>Storage:DataDirectory</c>).</param>
/// <param name="Urls">The <c>--urls</c> value (<c>Server:Urls</c>).</param>
/// <param name="Overrides">Free-form <c>--Section:Key=Value</c> settings.</param>
internal sealed record ConfigurationInputs(
    string? ConfigFile = null,
    string? DataDirectory = null,
    string? Urls = null,
    IReadOnlyList<string>? Overrides = null);
