using System.CommandLine;
using System.Globalization;
using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Archive.Import;
using Clusterdeck.Hosting;

namespace Clusterdeck.Cli;

/// <summary><c>clusterdeck archive import</c> (cc-backend's <c>-init-db</c>) and <c>archive import-job</c> (<c>-import-job</c>).</summary>
internal static class ArchiveCommand
{
    public static Command Create()
    {
        var import = new Command("import", "Rebuild the job table from the whole job archive (cc-backend: -init-db). Existing job rows are removed first.");
        import.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await CommandHost.CreateAsync(parseResult, cancellationToken);
            await host.Services.GetRequiredService<StartupTasks>().PrepareArchiveAsync(cancellationToken);
            var archive = host.Services.GetRequiredService<IJobArchive>();
            var importer = host.Services.GetRequiredService<ArchiveImporter>();
            var output = parseResult.InvocationConfiguration.Output;
            var result = await ProgressDisplay.RunAsync<ArchiveImportProgress, ArchiveImportResult>(
                output, "archive import",
                p => ($"{p.Seen} jobs read, {p.Imported} stored, {p.Skipped} skipped", p.Seen, null),
                progress => importer.RebuildAsync(archive.EnumerateMetaAsync(cancellationToken), progress, cancellationToken));
            await WriteSummaryAsync(output, result);
            return 0;
        });

        var pairs = new Argument<string>("META:DATA") { Description = "meta.json and data.json paths, colon-separated; several pairs separated by commas" };
        var importJob = new Command("import-job", "Import jobs from meta.json/data.json files into the archive and the database (cc-backend: -import-job)") { pairs };
        importJob.SetAction(async (parseResult, cancellationToken) =>
        {
            var spec = JobImporter.ParsePairs(parseResult.GetValue(pairs)!);
            using var host = await CommandHost.CreateAsync(parseResult, cancellationToken);
            await host.Services.GetRequiredService<StartupTasks>().PrepareArchiveAsync(cancellationToken);
            var stored = await host.Services.GetRequiredService<JobImporter>().ImportAsync(spec, cancellationToken);
            foreach (var job in stored)
            {
                await parseResult.InvocationConfiguration.Output.WriteLineAsync(
                    $"Imported job {job.JobId} on {job.Cluster} (startTime {job.StartTime}, id {job.Id}).");
            }

            return 0;
        });

        return new Command("archive", "Job archive") { import, importJob };
    }

    private static async Task WriteSummaryAsync(TextWriter output, ArchiveImportResult result)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Imported {result.Imported} jobs, skipped {result.SkippedCount}, in {result.Elapsed.TotalSeconds:F1} s ({result.JobsPerSecond:F0} jobs/s); {result.TagAttachments} tag links."));
        foreach (var reason in result.Skipped)
        {
            await output.WriteLineAsync($"  skipped {reason.Count} × {reason.Reason}, e.g. {reason.ExamplePath}: {reason.ExampleMessage}");
        }
    }
}
