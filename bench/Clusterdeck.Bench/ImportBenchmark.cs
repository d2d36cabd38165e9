using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Clusterdeck.Bench;

/// <summary>
/// Generates a synthetic job archive (meta.json only) and times <c>clusterdeck archive import</c> on it end to end,
/// process start included.
/// </summary>
internal static class ImportBenchmark
{
    private const string ClusterJson = """
        {"name":"bench","metricConfig":[
          {"name":"cpu_load","unit":{"base":""},"scope":"node","aggregation":"avg","footprint":"avg","timestep":60,"peak":64,"normal":64,"caution":32,"alert":8},
          {"name":"mem_used","unit":{"base":"B","prefix":"G"},"scope":"node","aggregation":"sum","footprint":"max","timestep":60,"peak":256,"normal":128,"caution":200,"alert":240},
          {"name":"flops_any","unit":{"base":"F/s","prefix":"G"},"scope":"hwthread","aggregation":"sum","footprint":"avg","timestep":60,"peak":5600,"normal":1000,"caution":200,"alert":50},
          {"name":"cpu_power","unit":{"base":"W"},"scope":"socket","aggregation":"sum","energy":"power","timestep":60,"peak":500,"normal":250,"caution":450,"alert":490}],
         "subClusters":[{"name":"main","nodes":"n[0001-1024]","processorType":"Bench CPU","socketsPerNode":2,"coresPerSocket":32,"threadsPerCore":1,
           "flopRateScalar":{"unit":{"base":"F/s","prefix":"G"},"value":400},"flopRateSimd":{"unit":{"base":"F/s","prefix":"G"},"value":3000},
           "memoryBandwidth":{"unit":{"base":"B/s","prefix":"G"},"value":300},
           "topology":{"node":[0,1,2,3],"socket":[[0,1],[2,3]],"memoryDomain":[[0,1],[2,3]],"core":[[0],[1],[2],[3]]}}]}
        """;

    public static async Task<int> RunAsync(BenchArguments options)
    {
        var jobs = options.Int("--jobs", 200_000, 1, 10_000_000);
        var runs = options.Int("--runs", 3, 1, 20);
        var serverDll = ClusterdeckCli.ResolveServerDll(options.String("--server"));
        options.ThrowOnUnknown();

        using var data = new TempDirectory();
        var root = Path.Combine(data.Path, "job-archive");
        var generate = Stopwatch.StartNew();
        Generate(root, jobs);
        Console.WriteLine($"machine: {MachineInfo.Describe()}");
        Console.WriteLine($"generated {jobs} meta.json files in {generate.Elapsed.TotalSeconds:F1} s");

        // Writeback of the freshly generated files would otherwise compete with the timed import for the disk.
        using (var sync = Process.Start("sync"))
        {
            await sync.WaitForExitAsync();
        }

        // Each run imports the same archive into a new database, created and migrated before the clock starts.
        var rates = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            foreach (var file in Directory.EnumerateFiles(data.Path, "clusterdeck.db*"))
            {
                File.Delete(file);
            }

            await ClusterdeckCli.RunAsync(serverDll, "db", "migrate", "--data-dir", data.Path);
            var import = Stopwatch.StartNew();
            var output = await ClusterdeckCli.RunAsync(serverDll, "archive", "import", "--data-dir", data.Path);
            import.Stop();
            Console.Write(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() + Environment.NewLine);
            rates.Add(jobs / import.Elapsed.TotalSeconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: archive import end to end {import.Elapsed.TotalSeconds:F2} s, {rates[^1]:F0} jobs/s; {MachineInfo.LoadAverage()}"));
        }

        rates.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median of {runs} runs: {rates[rates.Count / 2]:F0} jobs/s end to end (target 20000; cc-backend ~2100)"));
        Console.WriteLine($"load average: {MachineInfo.LoadAverage()}");
        return 0;
    }

    private static void Generate(string root, int jobs)
    {
        Directory.CreateDirectory(Path.Combine(root, "bench"));
        File.WriteAllText(Path.Combine(root, "version.txt"), "3");
        File.WriteAllText(Path.Combine(root, "bench", "cluster.json"), ClusterJson);
        Parallel.For(0, jobs, i =>
        {
            var jobId = 1_000_000L + i;
            var start = 1_700_000_000L + (i * 37L);
            var nodes = 1 + (i % 4);
            var directory = Path.Combine(root, "bench", (jobId / 1000).ToString(CultureInfo.InvariantCulture),
                (jobId % 1000).ToString("000", CultureInfo.InvariantCulture), start.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(directory);
            var resources = new StringBuilder();
            for (var n = 0; n < nodes; n++)
            {
                resources.Append(n == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"{{\"hostname\":\"n{1 + ((i + n) % 1024):0000}\"}}");
            }

            File.WriteAllText(Path.Combine(directory, "meta.json"), string.Create(CultureInfo.InvariantCulture, $$"""
                {"jobId":{{jobId}},"user":"user{{i % 500}}","project":"project{{i % 50}}","cluster":"bench","subCluster":"main","partition":"work",
                 "numNodes":{{nodes}},"numHwthreads":{{nodes * 64}},"shared":"none","jobState":"{{(i % 10 == 0 ? "failed" : "completed")}}",
                 "startTime":{{start}},"duration":{{600 + (i % 7200)}},"walltime":86400,"resources":[{{resources}}],
                 "metaData":{"jobName":"bench-{{i}}"},
                 "statistics":{"cpu_load":{"unit":{"base":""},"avg":{{i % 64}}.5,"min":0,"max":64},
                   "mem_used":{"unit":{"base":"B","prefix":"G"},"avg":40.2,"min":1.5,"max":{{60 + (i % 100)}}.25},
                   "flops_any":{"unit":{"base":"F/s","prefix":"G"},"avg":120.75,"min":0,"max":800},
                   "cpu_power":{"unit":{"base":"W"},"avg":{{200 + (i % 150)}}.5,"min":90,"max":480} } }
                """));
        });
    }
}
