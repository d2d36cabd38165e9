using System.IO.Compression;
using System.Text;
using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Archive;

public sealed class JobArchiveTests : IDisposable
{
    private readonly string _root = Path.Combine(Directory.CreateTempSubdirectory("clusterdeck-archive-").FullName, "archive");
    private readonly JobArchive _archive;
    private readonly JobArchive _reference = new(ReferenceArchive.Root);

    public JobArchiveTests()
    {
        _archive = new JobArchive(_root);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_root)!, recursive: true);

    [Fact]
    public async Task ReadMetaAsync_ReferenceEmmyJob_ReadsLenientlyIgnoringUnknownKeys()
    {
        var job = await _reference.ReadMetaAsync("emmy", 1403244, 1608923076, Token);

        Assert.NotNull(job);
        Assert.Equal((1403244L, "emmy", "haswell", "emmyUser6", "completed"), (job.JobId, job.Cluster, job.SubCluster, job.User, job.State));
        Assert.Equal((32, 86486, 1608923076L), (job.NumNodes, job.Duration, job.StartTime));
        Assert.Equal(32, job.Resources.Count);
        Assert.Equal("e0102", job.Resources[0].Hostname);
        Assert.Equal(9, job.Statistics!.Count);
        Assert.Equal(new MetricUnit { Base = "F/s", Prefix = "G" }, job.Statistics["flops_any"].Unit);
        Assert.Null(await _reference.ReadMetaAsync("emmy", 1403244, 1, Token));
    }

    [Fact]
    public async Task ReadDataAsync_ReferenceEmmyJob_ReadsGzipWithAllSeries()
    {
        var data = await _reference.ReadDataAsync("emmy", 1404397, 1609300556, Token);

        Assert.NotNull(data);
        Assert.Equal(9, data.Count);
        var flops = data["flops_any"]["node"];
        Assert.Equal((60, "F/s", "G"), (flops.Timestep, flops.Unit.Base, flops.Unit.Prefix));
        Assert.Equal(32, flops.Series.Count);
        Assert.All(flops.Series, s => Assert.Equal(1442, s.Data.Length));
        Assert.NotNull(flops.Series[0].Statistics);
        Assert.Null(data["ipc"]["node"].Series[0].Statistics);
    }

    [Fact]
    public async Task WriteAsync_ReferenceJobs_RewrittenFilesValidateExactlyAsTheOriginals()
    {
        await _archive.InitializeAsync(Token);
        foreach (var (cluster, jobId, startTime) in ReferenceArchive.Jobs)
        {
            var job = (await _reference.ReadMetaAsync(cluster, jobId, startTime, Token))!;
            var data = (await _reference.ReadDataAsync(cluster, jobId, startTime, Token))!;
            await _archive.ImportJobAsync(job, data, Token);

            var originalDirectory = ReferenceArchive.JobDirectory(jobId, startTime);
            var writtenDirectory = JobDirectory(cluster, jobId, startTime);
            var metaSchema = await ArchiveSchemas.Meta;
            var dataSchema = await ArchiveSchemas.Data;
            // The reference files break the schema in a few places (unit "load", no cpu_user, ipc series without
            // statistics, no filesystems); a faithful rewrite keeps those and adds none.
            Assert.Equal(
                ArchiveSchemas.Violations(metaSchema, await File.ReadAllTextAsync(Path.Combine(originalDirectory, "meta.json"), Token)),
                ArchiveSchemas.Violations(metaSchema, await File.ReadAllTextAsync(Path.Combine(writtenDirectory, "meta.json"), Token)));
            Assert.Equal(
                ArchiveSchemas.Violations(dataSchema, await ReadGzipAsync(Path.Combine(originalDirectory, "data.json.gz"))),
                ArchiveSchemas.Violations(dataSchema, await ReadGzipAsync(Path.Combine(writtenDirectory, "data.json.gz"))));
            Assert.False(File.Exists(Path.Combine(writtenDirectory, "data.json")));

            var reread = (await _archive.ReadMetaAsync(cluster, jobId, startTime, Token))!;
            Assert.Equal(job.Resources, reread.Resources);
            Assert.Equal(job.Statistics!.OrderBy(s => s.Key), reread.Statistics!.OrderBy(s => s.Key));
            var rereadData = (await _archive.ReadDataAsync(cluster, jobId, startTime, Token))!;
            Assert.Equal(data["mem_bw"]["node"].Series[5].Data, rereadData["mem_bw"]["node"].Series[5].Data);
        }
    }

    [Fact]
    public async Task WriteMetaAsync_CompleteJob_ValidatesWithoutViolations()
    {
        await _archive.WriteMetaAsync(CompleteJob(), Token);

        var json = await File.ReadAllTextAsync(Path.Combine(JobDirectory("fritz", 4711, 1700000000), "meta.json"), Token);
        Assert.Empty(ArchiveSchemas.Violations(await ArchiveSchemas.Meta, json));
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteDataAsync_MissingSamples_WrittenAsNullAndReadAsNaN()
    {
        var job = CompleteJob();
        await _archive.WriteDataAsync(job, SmallData([1.5f, float.NaN, 3f]), Token);

        var json = await File.ReadAllTextAsync(Path.Combine(JobDirectory("fritz", 4711, 1700000000), "data.json"), Token);
        Assert.Contains("[1.50,null,3.00]", json, StringComparison.Ordinal); // two decimals, as cc-lib's schema.Float
        // Only what our data model cannot hold is missing: the schema's mandatory "filesystems" array and metrics we did not measure.
        Assert.DoesNotContain(ArchiveSchemas.Violations(await ArchiveSchemas.Data, json), v => v.Contains("mem_used", StringComparison.Ordinal));
        var data = (await _archive.ReadDataAsync("fritz", 4711, 1700000000, Token))!;
        Assert.True(float.IsNaN(data["mem_used"]["node"].Series[0].Data[1]));
    }

    [Fact]
    public async Task WriteDataAsync_SizeCrossesThreshold_SwitchesFormAndRemovesTheOther()
    {
        var job = CompleteJob();
        var directory = JobDirectory("fritz", 4711, 1700000000);

        var small = SmallData([1, 2, 3]);
        Assert.True(JsonLength(small) <= JobArchive.CompressionThreshold);
        await _archive.WriteDataAsync(job, small, Token);
        Assert.True(File.Exists(Path.Combine(directory, "data.json")));
        Assert.False(File.Exists(Path.Combine(directory, "data.json.gz")));

        var large = SmallData([.. Enumerable.Range(0, 600).Select(i => (float)i)]);
        Assert.True(JsonLength(large) > JobArchive.CompressionThreshold);
        await _archive.WriteDataAsync(job, large, Token);
        Assert.False(File.Exists(Path.Combine(directory, "data.json")));
        Assert.Equal(600, (await _archive.ReadDataAsync("fritz", 4711, 1700000000, Token))!["mem_used"]["node"].Series[0].Data.Length);
        await using (var gzip = new GZipStream(File.OpenRead(Path.Combine(directory, "data.json.gz")), CompressionMode.Decompress))
        {
            Assert.StartsWith("{", await new StreamReader(gzip).ReadToEndAsync(Token), StringComparison.Ordinal);
        }

        await _archive.WriteDataAsync(job, small, Token);
        Assert.False(File.Exists(Path.Combine(directory, "data.json.gz")));
        Assert.Equal(3, (await _archive.ReadDataAsync("fritz", 4711, 1700000000, Token))!["mem_used"]["node"].Series[0].Data.Length);
    }

    [Fact]
    public async Task ReadDataAsync_BothForms_PrefersGzip()
    {
        var directory = JobDirectory("fritz", 4711, 1700000000);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "data.json"), "{}", Token);
        await using (var gzip = new GZipStream(File.Create(Path.Combine(directory, "data.json.gz")), CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes("""{"x": {"node": {"unit": {"base": ""}, "timestep": 1, "series": []}}}"""), Token);
        }

        Assert.Equal(["x"], (await _archive.ReadDataAsync("fritz", 4711, 1700000000, Token))!.Keys);
    }

    [Fact]
    public async Task WriteAtomicAsync_WriteFails_KeepsOldFileAndLeavesNoTemporaryFile()
    {
        var job = CompleteJob();
        await _archive.WriteMetaAsync(job, Token);
        var directory = JobDirectory("fritz", 4711, 1700000000);
        var before = await File.ReadAllTextAsync(Path.Combine(directory, "meta.json"), Token);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            JobArchive.WriteAtomicAsync(Path.Combine(directory, "meta.json"), new byte[100_000], compress: false, cancelled.Token));

        Assert.Equal(before, await File.ReadAllTextAsync(Path.Combine(directory, "meta.json"), Token));
        Assert.Equal(["meta.json"], Directory.GetFiles(directory).Select(Path.GetFileName));
    }

    [Fact]
    public async Task WriteMetaAsync_ConcurrentReader_NeverSeesPartialFile()
    {
        var small = CompleteJob();
        var large = small with { MetaData = new Dictionary<string, string> { ["jobScript"] = new string('x', 200_000) } };
        await _archive.WriteMetaAsync(small, Token);
        using var done = new CancellationTokenSource();
        var reads = 0;
        var reader = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                var job = await _archive.ReadMetaAsync("fritz", 4711, 1700000000, Token);
                Assert.NotNull(job); // a partial file would fail to parse and throw here
                reads++;
            }
        }, Token);

        for (var i = 0; i < 100; i++)
        {
            await _archive.WriteMetaAsync(i % 2 == 0 ? large : small, Token);
        }

        await done.CancelAsync();
        await reader;
        Assert.True(reads > 0);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("../outside")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("")]
    [InlineData("bad\0name")]
    [InlineData("/etc")]
    public async Task Operations_ClusterNameLeavingArchive_RejectedAndNothingWritten(string cluster)
    {
        await _archive.InitializeAsync(Token);
        var job = CompleteJob() with { Cluster = cluster };
        var parent = Path.GetDirectoryName(_root)!;

        await Assert.ThrowsAsync<InvalidInputException>(() => _archive.WriteMetaAsync(job, Token));
        await Assert.ThrowsAsync<InvalidInputException>(() => _archive.ImportJobAsync(job, SmallData([1]), Token));
        await Assert.ThrowsAsync<InvalidInputException>(() => _archive.ReadMetaAsync(cluster, 1, 1, Token));
        await Assert.ThrowsAsync<InvalidInputException>(() => _archive.ReadDataAsync(cluster, 1, 1, Token));
        await Assert.ThrowsAsync<InvalidInputException>(() => _archive.ExistsAsync(cluster, 1, 1, Token));
        await Assert.ThrowsAsync<InvalidInputException>(() => _archive.DeleteAsync(job, Token));

        Assert.Equal([_root], Directory.GetFileSystemEntries(parent));
        Assert.Equal(["version.txt"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public async Task WriteMetaAsync_NegativeJobId_Rejected()
    {
        await Assert.ThrowsAsync<InvalidInputException>(() => _archive.WriteMetaAsync(CompleteJob() with { JobId = -5 }, Token));
        Assert.False(Directory.Exists(_root));
    }

    [Fact]
    public async Task InitializeAsync_NewDirectory_WritesVersionThreeAndAcceptsItAgain()
    {
        await _archive.InitializeAsync(Token);
        Assert.Equal("3\n", await File.ReadAllTextAsync(Path.Combine(_root, "version.txt"), Token));

        await _archive.InitializeAsync(Token);
        await _reference.InitializeAsync(Token);
    }

    [Theory]
    [InlineData("2\n", "archive version '2' is not supported")]
    [InlineData("three", "archive version 'three' is not supported")]
    public async Task InitializeAsync_OtherVersion_RefusedNamingThePath(string content, string reason)
    {
        Directory.CreateDirectory(_root);
        await File.WriteAllTextAsync(Path.Combine(_root, "version.txt"), content, Token);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => _archive.InitializeAsync(Token));

        Assert.Contains(Path.Combine(_root, "version.txt"), error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_NonEmptyDirectoryWithoutVersion_Refused()
    {
        Directory.CreateDirectory(Path.Combine(_root, "somecluster"));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => _archive.InitializeAsync(Token));

        Assert.Contains("not a job archive", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_root, "version.txt")));
    }

    [Fact]
    public async Task EnumerateMetaAsync_ManyJobsAndBrokenOnes_YieldsEveryJobAndEachFailureWithReason()
    {
        await _archive.InitializeAsync(Token);
        var expected = new HashSet<long>();
        for (var i = 0; i < 300; i++)
        {
            var jobId = 1000L + (i * 7);
            expected.Add(jobId);
            await _archive.WriteMetaAsync(CompleteJob() with { JobId = jobId, Cluster = i % 2 == 0 ? "fritz" : "alex" }, Token);
        }

        var broken = JobDirectory("fritz", 999_999, 5);
        Directory.CreateDirectory(broken);
        await File.WriteAllTextAsync(Path.Combine(broken, "meta.json"), "{\"jobId\": \"not a number\"", Token);
        var empty = JobDirectory("alex", 999_998, 5);
        Directory.CreateDirectory(empty);

        var seen = new List<ArchivedMeta>();
        await foreach (var entry in _archive.EnumerateMetaAsync(Token))
        {
            seen.Add(entry);
        }

        Assert.Equal(302, seen.Count);
        Assert.Equal(expected, seen.Where(e => e.Succeeded).Select(e => e.Job!.JobId).ToHashSet());
        var failures = seen.Where(e => !e.Succeeded).OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        Assert.Equal([Path.Combine(empty, "meta.json"), Path.Combine(broken, "meta.json")], failures.Select(f => f.Path));
        Assert.Contains("missing", failures[0].Error, StringComparison.Ordinal);
        Assert.Contains("not valid job metadata", failures[1].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnumerateMetaAsync_ReferenceArchive_YieldsBothEmmyJobs()
    {
        var jobs = new List<long>();
        await foreach (var entry in _reference.EnumerateMetaAsync(Token))
        {
            Assert.True(entry.Succeeded, entry.Error);
            jobs.Add(entry.Job!.JobId);
        }

        Assert.Equal([1403244L, 1404397L], jobs.Order());
    }

    [Fact]
    public async Task DeleteAsync_LastJobBelowItsIdDirectories_RemovesEmptyParentsButNotCluster()
    {
        await _archive.InitializeAsync(Token);
        var first = CompleteJob();
        var sibling = first with { StartTime = first.StartTime + 100 };
        await _archive.ImportJobAsync(first, SmallData([1]), Token);
        await _archive.ImportJobAsync(sibling, SmallData([1]), Token);

        Assert.True(await _archive.DeleteAsync(first, Token));
        Assert.False(await _archive.ExistsAsync("fritz", 4711, first.StartTime, Token));
        Assert.True(await _archive.ExistsAsync("fritz", 4711, sibling.StartTime, Token));

        Assert.True(await _archive.DeleteAsync(sibling, Token));
        Assert.False(Directory.Exists(Path.Combine(_root, "fritz", "4")));
        Assert.True(Directory.Exists(Path.Combine(_root, "fritz")));
        Assert.False(await _archive.DeleteAsync(sibling, Token));
    }

    [Fact]
    public void JobDirectory_Layout_IsClusterThousandsThreeDigitRemainderStartTime()
    {
        Assert.Equal(Path.Combine(_root, "fritz", "4", "711", "1700000000"), JobDirectory("fritz", 4711, 1700000000));
        Assert.Equal(Path.Combine(_root, "fritz", "0", "007", "5"), JobDirectory("fritz", 7, 5));
    }

    private string JobDirectory(string cluster, long jobId, long startTime) => new ArchivePaths(_root).JobDirectory(cluster, jobId, startTime);

    private static async Task<string> ReadGzipAsync(string path)
    {
        await using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        return await new StreamReader(gzip).ReadToEndAsync(TestContext.Current.CancellationToken);
    }

    private static int JsonLength(JobData data) => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(data, ArchiveJsonContext.Default.JobData).Length;

    private static JobData SmallData(float[] samples) => new()
    {
        ["mem_used"] = new()
        {
            ["node"] = new JobMetric
            {
                Unit = new MetricUnit { Base = "B", Prefix = "G" },
                Timestep = 60,
                Series = [new MetricSeries { Hostname = "f0101", Statistics = new SeriesStatistics { Min = 1, Avg = 2, Max = 3 }, Data = samples }],
            },
        },
    };

    private static Job CompleteJob()
    {
        var stat = new MetricStatistics { Unit = new MetricUnit { Base = "" }, Avg = 1, Min = 0, Max = 2 };
        return new Job
        {
            JobId = 4711,
            User = "alice",
            Project = "proj",
            Cluster = "fritz",
            SubCluster = "main",
            Partition = "work",
            NumNodes = 1,
            NumHwthreads = 72,
            Shared = "none",
            MonitoringStatus = 1,
            State = "completed",
            StartTime = 1700000000,
            Duration = 3600,
            Walltime = 7200,
            Resources = [new JobResource { Hostname = "f0101", HwThreads = [0, 1, 2] }],
            MetaData = new Dictionary<string, string> { ["jobName"] = "test" },
            Tags = [new Tag { Id = 1, Type = "type", Name = "name", Scope = "global" }],
            Footprint = new Dictionary<string, double> { ["flops_any_avg"] = 1.5 },
            Statistics = new Dictionary<string, MetricStatistics>
            {
                ["cpu_user"] = stat,
                ["cpu_load"] = stat,
                ["mem_used"] = stat with { Unit = new MetricUnit { Base = "B", Prefix = "G" } },
                ["flops_any"] = stat with { Unit = new MetricUnit { Base = "F/s", Prefix = "G" } },
                ["mem_bw"] = stat with { Unit = new MetricUnit { Base = "B/s", Prefix = "G" } },
            },
        };
    }
}
