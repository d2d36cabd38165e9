using Clusterdeck.Core.Configuration;
using Clusterdeck.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Clusterdeck.Data;

internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var failures = new OptionsFailures(DatabaseOptions.SectionName);
        if (!Enum.IsDefined(options.Provider))
        {
            failures.Add(nameof(options.Provider), "must be 'sqlite' or 'postgres'");
        }

        if (options.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add(nameof(options.ConnectionString), "is required when Database:Provider is 'postgres' (e.g. Host=db;Database=clusterdeck;Username=clusterdeck)");
        }
        else if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            try
            {
                _ = options.Provider == DatabaseProvider.Postgres
                    ? new NpgsqlConnectionStringBuilder(options.ConnectionString).ConnectionString
                    : new SqliteConnectionStringBuilder(options.ConnectionString).ConnectionString;
            }
            catch (ArgumentException e)
            {
                // The message names the bad keyword; the value itself may hold a password, so it is not repeated.
                failures.Add(nameof(options.ConnectionString), $"is not a valid {options.Provider} connection string: {e.Message}");
            }
        }

        if (options.BusyTimeout < TimeSpan.Zero)
        {
            failures.Add(nameof(options.BusyTimeout), "must not be negative");
        }

        return failures.ToResult();
    }
}
