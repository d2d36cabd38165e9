using Clusterdeck.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Hosting;

internal sealed class ServerOptionsValidator : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        var failures = new OptionsFailures(ServerOptions.SectionName);
        if (!options.UrlList.Any())
        {
            failures.Add(nameof(options.Urls), "must name at least one address, e.g. http://localhost:8080");
        }

        foreach (var url in options.UrlList)
        {
            // Kestrel's wildcard hosts (http://*:8080, http://+:8080) are not valid URIs but are valid here.
            var candidate = url.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal);
            if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                failures.Add(nameof(options.Urls), $"'{url}' is not an http:// or https:// address");
            }
        }

        return failures.ToResult();
    }
}
