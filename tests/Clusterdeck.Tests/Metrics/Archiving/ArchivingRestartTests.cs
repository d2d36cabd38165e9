using System.Net;
using System.Text.Json;
using Clusterdeck.Core.Archive;
using Clusterdeck.Tests.Infrastructure;
using Clusterdeck.Tests.Jobs;

namespace Clusterdeck.Tests.Metrics.Archiving;

/// <summary>The archiving queue survives <c>kill -9</c>: it is the job table, written before stop_job answers.</summary>
public sealed class ArchivingRestartTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("clusterdeck-archiving-restart-").FullName;

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    [Fact]
    public async Task StoppedJob_ServerKilledBeforeArchiving_ArchivedAfterRestart()
    {
        TestArchive.Create(_dataDirectory);
        var startTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 600;
        long id;
        await using (var first = await ClusterdeckProcess.StartAsync(_dataDirectory, ["Archiving:Enabled=false"]))
        {
            var api = await ClientAsync(first);
            using var firstHttp = api.Http;
            await CcJobApiClient.ExpectAsync(HttpStatusCode.Created, await api.PostAsync("/api/jobs/start_job/", CcJobApiClient.StartBody(4242, startTime)));
            var stopped = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await api.PostAsync("/api/jobs/stop_job/",
                $$"""{ "jobId": 4242, "cluster": "testcluster", "startTime": {{startTime}}, "jobState": "completed", "stopTime": {{startTime + 600}} }"""));
            id = stopped.GetProperty("id").GetInt64();
            Assert.Equal(1, (await ArchivingWait.UntilMonitoringStatusAsync(api, "testcluster", id, _ => true)).GetProperty("monitoringStatus").GetInt32());

            // Acknowledged, not archived (archiving is off): now the hard way down.
            await first.KillAsync();
        }

        var directory = new ArchivePaths(TestArchive.PathIn(_dataDirectory)).JobDirectory("testcluster", 4242, startTime);
        Assert.False(Directory.Exists(directory));

        await using var second = await ClusterdeckProcess.StartAsync(_dataDirectory);
        var client = await ClientAsync(second);
        using var secondHttp = client.Http;
        var job = await ArchivingWait.UntilMonitoringStatusAsync(client, "testcluster", id, status => status != 1, () => second.Output);
        Assert.Equal(3, job.GetProperty("monitoringStatus").GetInt32());
        Assert.True(File.Exists(Path.Combine(directory, "meta.json")));
        Assert.True(File.Exists(Path.Combine(directory, "data.json")) || File.Exists(Path.Combine(directory, "data.json.gz")));
        var meta = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "meta.json"), TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal((4242, 600, 3), (meta.GetProperty("jobId").GetInt64(), meta.GetProperty("duration").GetInt32(), meta.GetProperty("monitoringStatus").GetInt32()));
    }

    private async Task<CcJobApiClient> ClientAsync(ClusterdeckProcess server)
    {
        var token = (await CommandResult.RunAsync("token", "admin", "--data-dir", _dataDirectory)).SingleLine();
        var http = server.CreateClient();
        http.DefaultRequestHeaders.Add("X-Auth-Token", token);
        return new CcJobApiClient(http);
    }
}
