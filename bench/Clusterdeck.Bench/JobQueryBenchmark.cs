using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Jobs.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace Clusterdeck.Bench;

/// <summary>
/// The job query service on a seeded table, in-process (the HTTP layer is measured by the loads): the
/// filtered, sorted, paged list with its total count, and statistics grouped by user.
/// </summary>
internal static class JobQueryBenchmark
{
    public static async Task<int> RunAsync(BenchArguments options)
    {
        var seed = options.Int("--seed", 1_000_000, 1, 10_000_000);
        var runs = options.Int("--runs", 200, 1, 100_000);
        var settings = options.All("--setting");
        options.ThrowOnUnknown();

        Console.WriteLine(MachineInfo.Describe());
        using var data = new TempDirectory();
        JobSeeder.PrepareArchive(data.Path);
        await using var host = await BenchHost.StartAsync(data.Path, settings);
        var queries = host.Services.GetRequiredService<JobQueryService>();
        var caller = Caller.Console;
        await JobSeeder.SeedAsync(host.Services, seed);
        Console.WriteLine($"provider: {string.Join(' ', settings.Where(s => s.StartsWith("Database:Provider", StringComparison.Ordinal)).DefaultIfEmpty("Database:Provider=Sqlite"))}");

        var random = new Random(7);
        JobQuery ListQuery(JobOrder order) => new()
        {
            Filters =
            [
                new JobFilter
                {
                    Cluster = StringInput.Equal("fritz"),
                    State = [JobStates.Completed],
                    User = StringInput.Equal(SyntheticJobs.UserName(random.Next(SyntheticJobs.Users))),
                },
            ],
            Order = order,
            Page = new PageRequest(50, 1),
        };

        await RepeatedTiming.MeasureAsync("list: cluster + state + user, newest first, 50 per page, with count", runs,
            () => queries.QueryAsync(caller, ListQuery(JobOrder.Newest), CancellationToken.None));
        await RepeatedTiming.MeasureAsync("list: cluster + state + user, longest first, 50 per page, with count", runs,
            () => queries.QueryAsync(caller, ListQuery(new JobOrder("duration", JobOrder.Column, Descending: true)), CancellationToken.None));
        await RepeatedTiming.MeasureAsync("list: cluster + state + user, by footprint flops_any_avg, 50 per page, with count", runs,
            () => queries.QueryAsync(caller, ListQuery(new JobOrder("flops_any_avg", JobOrder.Footprint, Descending: true)), CancellationToken.None));
        await RepeatedTiming.MeasureAsync($"jobsStatistics grouped by user over all {seed:N0} jobs", Math.Max(3, runs / 40),
            () => queries.StatisticsAsync(caller, new JobStatisticsQuery { GroupBy = StatisticsGrouping.User }, CancellationToken.None));
        return 0;
    }
}
