using BenchmarkDotNet.Running;
using Clusterdeck.Bench;

// Benchmarks are run by hand (see docs/performance.md), never by ./test.sh.
const string Usage = """
    usage: dotnet run -c Release --project bench/Clusterdeck.Bench -- <benchmark> [options]

      startup [--runs N] [--server DLL] [--env NAME=VALUE]... [--trace [--trace-level LEVEL]]
          Time from process start to /readyz answering 200, first start (empty data dir) and warm start.
          --trace prints one first and one warm start's log lines with their arrival time instead.
      login [--seconds S] [--warmup S] [--concurrency C] [--server DLL]
          POST /login with correct credentials from C clients; reports requests/s, latency and status codes.
      api [--seconds S] [--warmup S] [--concurrency C] [--server DLL]
          GET /api/users/ with an admin API token from C clients.
      startjob [--seed N] [--seconds S] [--warmup S] [--concurrency C] [--server DLL] [--setting Section:Key=Value]...
          POST /api/jobs/start_job/ from C clients (default 32) into a table seeded with N jobs (default 1,000,000),
          then the same load on an empty Kestrel endpoint, then a check that every started job is listed at once.
      jobquery [--seed N] [--runs R] [--setting Section:Key=Value]...
          In-process: the filtered (cluster + state + user), sorted, paged job list with count, and jobsStatistics
          grouped by user, over N seeded jobs. --setting Database:Provider=Postgres --setting Database:ConnectionString=...
          measures PostgreSQL.
      import [--jobs N] [--runs R] [--server DLL]
          Generates an archive of N jobs (meta.json only, default 200000) and times `archive import` end to end,
          R times (default 3) into a new database each time.
      jobdata [--runs R] [--server DLL]
          Archives one large job (24 nodes, 96 GPUs, 31 h at 60 s) and reads its metric data back over HTTP from a
          server process: REST all-metrics and accelerator scope, GraphQL jobMetrics native and at resolution 600.
      archivejob [--runs R] [--setting Section:Key=Value]...
          In-process: pushes the reference emmy job's data (32 nodes, 9 metrics x 1441 samples) into the metric store as
          line protocol, then times archiving the job (load from the metric source, statistics, writing the files) R times.
      micro [BenchmarkDotNet arguments]
          In-process micro benchmarks (bcrypt verify, JWT validation), e.g. -- micro --filter '*'.
    """;

if (args.Length == 0)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

if (args[0] == "serve")
{
    // Started by the startjob benchmark as its empty-endpoint baseline.
    return await EmptyServer.RunAsync(args);
}

if (args[0] == "micro")
{
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(TokenBenchmarks).Assembly).Run(args[1..]);
    return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;
}

try
{
    var options = new BenchArguments(args[1..]);
    switch (args[0])
    {
        case "startup":
            return await StartupBenchmark.RunAsync(options);
        case "login":
            return await LoginLoad.RunAsync(options);
        case "api":
            return await ApiLoad.RunAsync(options);
        case "startjob":
            return await StartJobLoad.RunAsync(options);
        case "jobquery":
            return await JobQueryBenchmark.RunAsync(options);
        case "import":
            return await ImportBenchmark.RunAsync(options);
        case "jobdata":
            return await JobDataBenchmark.RunAsync(options);
        case "archivejob":
            return await ArchiveJobBenchmark.RunAsync(options);
        default:
            Console.Error.WriteLine($"unknown benchmark '{args[0]}'");
            Console.Error.WriteLine(Usage);
            return 2;
    }
}
catch (BenchmarkFailedException e)
{
    Console.Error.WriteLine($"benchmark failed: {e.Message}");
    return 1;
}
