namespace Clusterdeck.Hosting;

/// <summary>The <c>Server</c> section.</summary>
internal sealed class ServerOptions
{
    public const string SectionName = "Server";

    /// <summary>Addresses Kestrel listens on, separated by <c>;</c>.</summary>
    public string Urls { get; set; } = "http://localhost:8080";

    public IEnumerable<string> UrlList => Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
