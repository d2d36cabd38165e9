using Clusterdeck.Core.Configuration;
using Clusterdeck.Core.Storage;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Archive;

internal sealed class ArchiveOptionsValidator(IOptions<StorageOptions> storage) : IValidateOptions<ArchiveOptions>
{
    public ValidateOptionsResult Validate(string? name, ArchiveOptions options)
    {
        var failures = new OptionsFailures(ArchiveOptions.SectionName);
        if (options.Path.Length > 0 && string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add(nameof(options.Path), "must not be blank (leave it out for <Storage:DataDirectory>/job-archive)");
        }
        else if (File.Exists(options.ResolvePath(storage.Value)))
        {
            failures.Add(nameof(options.Path), $"'{options.ResolvePath(storage.Value)}' is a file, not a directory");
        }

        return failures.ToResult();
    }
}
