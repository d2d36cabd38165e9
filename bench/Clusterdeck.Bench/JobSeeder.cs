using System.Diagnostics;
using System.Globalization;
using Clusterdeck.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Clusterdeck.Bench;

/// <summary>Fills a data directory for the job benchmarks: the reference clusters fritz and alex in its archive, and N synthetic jobs in its job table.</summary>
internal static class JobSeeder
{
    private const int BatchSize = 20_000;

    /// <summary>Copies the reference archive's fritz and alex <c>cluster.json</c> into <c>&lt;dataDirectory&gt;/job-archive</c>.</summary>
    public static void PrepareArchive(string dataDirectory)
    {
        var reference = Path.Combine(ClusterdeckCli.RepositoryRoot(), "..", "shared", "reference", "clustercockpit", "job-archive");
        var archive = Path.Combine(dataDirectory, "job-archive");
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(archive).FullName, "version.txt"), "3\n");
        foreach (var cluster in new[] { "fritz", "alex" })
        {
            var source = Path.Combine(reference, cluster, "cluster.json");
            if (!File.Exists(source))
            {
                throw new BenchmarkFailedException($"{source} is missing: the benchmarks read the reference clusters from ../shared/reference");
            }

            File.Copy(source, Path.Combine(Directory.CreateDirectory(Path.Combine(archive, cluster)).FullName, "cluster.json"));
        }
    }

    /// <summary>Fills the (empty) job table with <paramref name="count"/> synthetic jobs through the archive-rebuild path, printing progress.</summary>
    public static async Task SeedAsync(IServiceProvider services, int count)
    {
        var store = services.GetRequiredService<IJobStore>();
        var generator = new SyntheticJobs();
        var clock = Stopwatch.StartNew();
        await using var rebuild = await store.BeginRebuildAsync(CancellationToken.None);
        for (var done = 0; done < count;)
        {
            var batch = Enumerable.Range(done, Math.Min(BatchSize, count - done)).Select(i => generator.Next(i)).ToList();
            await store.AddManyAsync(batch, CancellationToken.None);
            done += batch.Count;
            if (done % 200_000 == 0 || done == count)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"seeded {done:N0} / {count:N0} jobs ({done / clock.Elapsed.TotalSeconds:N0} jobs/s)"));
            }
        }
    }
}
