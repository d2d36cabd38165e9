using System.Diagnostics;
using System.Text.Json;
using Clusterdeck.Tests.Jobs;

namespace Clusterdeck.Tests.Metrics.Archiving;

/// <summary>Waits for the background archiver, reading the job over cc-backend's job list as a user would.</summary>
internal static class ArchivingWait
{
    /// <summary>The job (with metadata) once <paramref name="done"/> holds for its monitoring status; fails after 60 s.</summary>
    public static async Task<JsonElement> UntilMonitoringStatusAsync(
        CcJobApiClient api, string cluster, long id, Func<int, bool> done, Func<string>? serverOutput = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var job = (await api.ListAsync($"?cluster={cluster}&with-metadata=true&items-per-page=1000"))
                .Single(j => j.GetProperty("id").GetInt64() == id);
            if (done(job.GetProperty("monitoringStatus").GetInt32()))
            {
                return job;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60),
                $"job {id} still has monitoringStatus {job.GetProperty("monitoringStatus")} after 60 s. {serverOutput?.Invoke()}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
