using System.CommandLine;
using Clusterdeck.Data;

namespace Clusterdeck.Cli;

internal static class DbCommand
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Apply pending database migrations");
        migrate.TreatUnmatchedTokensAsErrors = false;
        migrate.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await CommandHost.CreateAsync(parseResult, cancellationToken, prepareDatabase: false);
            var applied = await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            var output = parseResult.InvocationConfiguration.Output;
            await output.WriteLineAsync(applied.Count == 0
                ? "Database schema is up to date."
                : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
            return 0;
        });

        return new Command("db", "Database maintenance") { migrate };
    }
}
