using Clusterdeck.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Accounts.Ldap;

internal sealed class LdapOptionsValidator : IValidateOptions<LdapOptions>
{
    public ValidateOptionsResult Validate(string? name, LdapOptions options)
    {
        var failures = new OptionsFailures(LdapOptions.SectionName);
        if (!options.Enabled)
        {
            return failures.ToResult();
        }

        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || (url.Scheme != "ldap" && url.Scheme != "ldaps"))
        {
            failures.Add("url", $"'{options.Url}' is not an ldap:// or ldaps:// URL");
        }

        if (string.IsNullOrWhiteSpace(options.UserBase))
        {
            failures.Add("user_base", "is required when ldap url is set");
        }

        if (string.IsNullOrWhiteSpace(options.SearchDn))
        {
            failures.Add("search_dn", "is required when ldap url is set");
        }

        if (string.IsNullOrWhiteSpace(options.UserBind) || !options.UserBind.Contains("{username}", StringComparison.Ordinal))
        {
            failures.Add("user_bind", "is required and must contain {username}, e.g. uid={username},ou=people,dc=example,dc=org");
        }

        if (string.IsNullOrWhiteSpace(options.UserFilter) || !options.UserFilter.TrimStart().StartsWith('('))
        {
            failures.Add("user_filter", $"'{options.UserFilter}' is not an LDAP filter (it must start with '(')");
        }

        if (!string.IsNullOrWhiteSpace(options.SyncInterval) && options.SyncInterval != "0"
            && !DurationText.TryParse(options.SyncInterval, out _))
        {
            failures.Add("sync_interval", $"'{options.SyncInterval}' is not a duration (examples: 30m, 24h)");
        }

        return failures.ToResult();
    }
}
