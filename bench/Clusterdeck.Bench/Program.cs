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
      joblistpage [--seed N] [--runs R] [--server DLL] [--setting Section:Key=Value]...
          GET /jobs (the server-rendered job list page: filter form, first page of rows, total count) from a server
          process over N seeded jobs (default 1,000,000), signed in as admin and as a plain user, unfiltered and
          filtered/sorted by a footprint metric; R sequential requests each (default 100). Target: p95 < 300 ms.
      import [--jobs N] [--runs R] [--server DLL]
          Generates an archive of N jobs (meta.json only, default 200000) and times `archive import` end to end,
          R times (default 3) into a new database each time.
      jobmetrics [--nodes N] [--hours H] [--runs R] [--setting Section:Key=Value]...
          In-process: a running N-node job's (default 64) last H hours (default 24) of node-scope data at 60 s for
          10 metrics in the in-process metric store, read through IMetricSource.LoadJobDataAsync. Target < 100 ms.
      nodestate [--runs R] [--setting Section:Key=Value]...
          In-process: a state report of every fritz node (health check against the metric source, current state and
          history row each), R times, then the node list, nodeStates and nodeStatesTimed over the grown history.
      archivejob [--runs R] [--setting Section:Key=Value]...
          In-process: pushes the reference emmy job's data (32 nodes, 9 metrics x 1441 samples) into the metric store as
          line protocol, then times archiving the job (load from the metric source, statistics, writing the files) R times.
      jobdata [--runs R] [--server DLL]
          Archives one large job (24 nodes, 96 GPUs, 31 h at 60 s) and reads its metric data back over HTTP from a
          server process: REST all-metrics and accelerator scope, GraphQL jobMetrics native and at resolution 600.
      ingest [--seconds S] [--warmup S] [--concurrency C] [--nodes-per-body N] [--bodies B] [--no-checkpoints] [--server DLL] [--setting Section:Key=Value]...
          POST /api/write from C clients (default 8), each body N fritz nodes' collector batch (default 4 nodes, 2,130 lines);
          reports points/s with checkpoints off, then on.
      metricmemory [--nodes N] [--metrics M] [--samples K]
          In-process: fills a MetricStore through line protocol with N nodes × M metrics × K samples (default 3000 × 100 × 1440)
          and reports bytes per sample from the managed heap after a full GC.
      demo [--jobs N] [--runs R] [--server DLL]
          `clusterdeck demo` on a new data directory (default 20,000 jobs): time to its ready line (URL and login), the
          job list's first page with count through GraphQL, the orderly stop, and a second start that reuses the data.
      micro [BenchmarkDotNet arguments]
          In-process micro benchmarks (bcrypt verify, JWT validation, one node-agent reading), e.g. -- micro --filter '*'.
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
        case "joblistpage":
            return await JobListPageBenchmark.RunAsync(options);
        case "import":
            return await ImportBenchmark.RunAsync(options);
        case "jobmetrics":
            return await JobMetricsBenchmark.RunAsync(options);
        case "nodestate":
            return await NodeStateBenchmark.RunAsync(options);
        case "archivejob":
            return await ArchiveJobBenchmark.RunAsync(options);
        case "jobdata":
            return await JobDataBenchmark.RunAsync(options);
        case "ingest":
            return await IngestLoad.RunAsync(options);
        case "metricmemory":
            return await MetricMemoryBenchmark.RunAsync(options);
        case "demo":
            return await DemoBenchmark.RunAsync(options);
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
