using System.CommandLine;
using Clusterdeck.Data.CcBackend;

namespace Clusterdeck.Cli;

/// <summary><c>clusterdeck migrate-from-cc --db PATH</c>: takes over a cc-backend site's SQLite database without changing it.</summary>
internal static class MigrateFromCcCommand
{
    public static Command Create()
    {
        var database = new Option<string>("--db") { Description = "cc-backend SQLite database (schema version 10); opened read-only", Required = true, HelpName = "PATH" };
        var command = new Command("migrate-from-cc", "Take over a cc-backend database: users (passwords, roles, projects), jobs and tags. Safe to repeat.") { database };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(database)!;
            using var host = await CommandHost.CreateAsync(parseResult, cancellationToken);
            var migration = ActivatorUtilities.CreateInstance<CcBackendMigration>(host.Services);
            var output = parseResult.InvocationConfiguration.Output;
            var result = await ProgressDisplay.RunAsync<CcBackendMigrationProgress, CcBackendMigrationResult>(
                output, "migrate-from-cc",
                p => (p.Total > 0 ? $"{p.Phase} {p.Done}/{p.Total}" : p.Phase, p.Done, p.Total > 0 ? p.Total : null),
                progress => migration.RunAsync(path, progress, cancellationToken));

            await output.WriteLineAsync($"Users: {result.UsersAdded} added" +
                (result.UsersSkipped.Count > 0 ? $", {result.UsersSkipped.Count} skipped because they exist here already: {string.Join(", ", result.UsersSkipped)}" : ""));
            await output.WriteLineAsync($"Jobs: {result.JobsAdded} added, {result.JobsExisting} already present ({result.JobsRead} read)");
            await output.WriteLineAsync($"Tags: {result.TagsRead} tags, {result.TagAttachments} job-tag links" +
                (result.DanglingTagAttachments > 0 ? $", {result.DanglingTagAttachments} links to missing jobs or tags ignored" : ""));
            return 0;
        });
        return command;
    }
}
