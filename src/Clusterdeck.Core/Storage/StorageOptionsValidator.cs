using Clusterdeck.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Storage;

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new OptionsFailures(StorageOptions.SectionName);
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add(nameof(options.DataDirectory), "must not be empty");
        }
        else if (File.Exists(options.ResolvedDataDirectory))
        {
            failures.Add(nameof(options.DataDirectory), $"'{options.ResolvedDataDirectory}' is a file, not a directory");
        }

        return failures.ToResult();
    }
}
