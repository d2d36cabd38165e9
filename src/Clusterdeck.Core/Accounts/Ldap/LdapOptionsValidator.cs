using Clusterdeck.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Accounts.Ldap;

/// <summary>Checks an enabled <c>Ldap</c> section as a whole and reports every problem at once.</summary>
internal sealed class LdapOptionsValidator : IValidateOptions<LdapOptions>
{
    public ValidateOptionsResult Validate(string? name, LdapOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new OptionsFailures(LdapOptions.SectionName);
        if (!LdapEndpoint.TryParse(options.Url, out _))
        {
            failures.Add("url", $"'{options.Url}' is not an ldap:// or ldaps:// URL with a host");
        }

        if (string.IsNullOrWhiteSpace(options.UserBase))
        {
            failures.Add("user_base", "is required when LDAP is enabled");
        }

        if (string.IsNullOrWhiteSpace(options.UserBind) || !options.UserBind.Contains("{username}", StringComparison.Ordinal))
        {
            failures.Add("user_bind", "must be a DN template containing {username}, e.g. uid={username},ou=people,dc=example,dc=org");
        }

        if (string.IsNullOrWhiteSpace(options.UsernameAttribute))
        {
            failures.Add("username_attr", "must name an attribute (cc-backend's default is gecos)");
        }

        if (!options.TryGetSyncInterval(out _))
        {
            failures.Add("sync_interval", $"'{options.SyncInterval}' must be a Go duration such as 24h or 1h30m, between 0 and 49 days");
        }

        return failures.ToResult();
    }
}
