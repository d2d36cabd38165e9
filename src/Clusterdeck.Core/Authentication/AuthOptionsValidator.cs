using Clusterdeck.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Authentication;

internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new OptionsFailures(AuthOptions.SectionName);
        failures.RequireDuration(nameof(options.TokenLifetime), options.TokenLifetime);
        failures.RequireDuration(nameof(options.SessionLifetime), options.SessionLifetime);
        failures.RequireDuration(nameof(options.FailedLoginWindow), options.FailedLoginWindow);
        if (options.MaxFailedLogins < 1)
        {
            failures.Add(nameof(options.MaxFailedLogins), $"must be at least 1 (got {options.MaxFailedLogins})");
        }

        return failures.ToResult();
    }
}
