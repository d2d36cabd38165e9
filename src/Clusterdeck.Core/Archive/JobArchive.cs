using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Archive;

/// <summary>
/// <see cref="IJobArchive"/> on the local filesystem, in cc-backend's layout. Every file is written to a temporary
/// file in the same directory, flushed to disk and renamed over the target, so readers and crashes never see a
/// partial file; a failed write leaves no temporary file behind.
/// </summary>
internal sealed partial class JobArchive : IJobArchive
{
    /// <summary>The archive format this code reads and writes (cc-backend's <c>archive.Version</c>).</summary>
    public const int Version = 3;

    /// <summary>data.json larger than this many bytes is stored gzip-compressed, as cc-backend's compression does.</summary>
    public const int CompressionThreshold = 2000;

    /// <summary>
    /// zlib level for data.json.gz. The reference 32-node job (2.6 MB of JSON) took about 4.7 times longer at the default
    /// level 6 than at 2 for 14 % less output (678 against 784 KiB; cc-backend's own file of it is 838 KiB), and
    /// compressing was most of the time spent archiving a job, whose target is 200 ms.
    /// </summary>
    public const int DataCompressionLevel = 2;

    private const string MetaFile = "meta.json";
    private const string DataFile = "data.json";
    private const string CompressedDataFile = "data.json.gz";
    private const string VersionFile = "version.txt";

    private readonly ArchivePaths _paths;
    private readonly ILogger _logger;

    public JobArchive(IOptions<ArchiveOptions> options, IOptions<StorageOptions> storage, ILogger<JobArchive> logger)
        : this(options.Value.ResolvePath(storage.Value), logger)
    {
    }

    public JobArchive(string root, ILogger? logger = null)
    {
        _paths = new ArchivePaths(root);
        _logger = logger ?? NullLogger.Instance;
    }

    public string Root => _paths.Root;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        var versionPath = Path.Combine(Root, VersionFile);
        if (!File.Exists(versionPath))
        {
            // Hidden entries (.git, .snapshot) do not make a directory an archive; anything else without version.txt is suspect.
            var visible = Directory.EnumerateFileSystemEntries(Root).Select(Path.GetFileName).FirstOrDefault(n => n is not null && !n.StartsWith('.'));
            if (visible is not null)
            {
                throw new InvalidDataException($"{Root}: not a job archive: it holds '{visible}' but no {VersionFile}; point Archive:Path at an archive or an empty directory");
            }

            await WriteAtomicAsync(versionPath, Version.ToString(CultureInfo.InvariantCulture) + "\n", cancellationToken);
            LogInitialized(_logger, Root, Version);
            return;
        }

        var text = (await File.ReadAllTextAsync(versionPath, cancellationToken)).Trim();
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version != Version)
        {
            throw new InvalidDataException($"{versionPath}: archive version '{text}' is not supported; Clusterdeck reads and writes version {Version} (migrate the archive with cc-backend's archive-migration tool first)");
        }
    }

    public Task<bool> ExistsAsync(string cluster, long jobId, long startTime, CancellationToken cancellationToken) =>
        Task.FromResult(Directory.Exists(_paths.JobDirectory(cluster, jobId, startTime)));

    public async Task<Job?> ReadMetaAsync(string cluster, long jobId, long startTime, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_paths.JobDirectory(cluster, jobId, startTime), MetaFile);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        return ParseMeta(path, bytes);
    }

    public async Task<JobData?> ReadDataAsync(string cluster, long jobId, long startTime, CancellationToken cancellationToken)
    {
        var directory = _paths.JobDirectory(cluster, jobId, startTime);
        foreach (var (name, compressed) in new[] { (CompressedDataFile, true), (DataFile, false) })
        {
            var path = Path.Combine(directory, name);
            FileStream file;
            try
            {
                file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, useAsync: true);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                continue;
            }

            await using (file)
            {
                Stream source = compressed ? new GZipStream(file, CompressionMode.Decompress) : file;
                await using (source)
                {
                    JobData? data;
                    try
                    {
                        data = await JsonSerializer.DeserializeAsync(source, ArchiveJsonContext.Default.JobData, cancellationToken);
                    }
                    catch (Exception e) when (e is JsonException or InvalidDataException)
                    {
                        // InvalidDataException here comes from a corrupt gzip stream.
                        throw new InvalidDataException($"{path}: not valid job data: {e.Message}", e);
                    }

                    return data ?? throw new InvalidDataException($"{path}: holds null, not job data");
                }
            }
        }

        return null;
    }

    public async Task WriteMetaAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var directory = _paths.JobDirectory(job);
        Directory.CreateDirectory(directory);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(job, ArchiveJsonContext.Default.Job);
        await WriteAtomicAsync(Path.Combine(directory, MetaFile), bytes, compress: false, cancellationToken);
    }

    public async Task WriteDataAsync(Job job, JobData data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(data);
        var directory = _paths.JobDirectory(job);
        Directory.CreateDirectory(directory);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(data, ArchiveJsonContext.Default.JobData);
        var compress = bytes.Length > CompressionThreshold;
        var (target, stale) = compress ? (CompressedDataFile, DataFile) : (DataFile, CompressedDataFile);
        await WriteAtomicAsync(Path.Combine(directory, target), bytes, compress, cancellationToken);
        File.Delete(Path.Combine(directory, stale));
    }

    public async Task ImportJobAsync(Job job, JobData data, CancellationToken cancellationToken)
    {
        await WriteDataAsync(job, data, cancellationToken);
        await WriteMetaAsync(job, cancellationToken);
    }

    public Task<bool> DeleteAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var directory = _paths.JobDirectory(job);
        if (!Directory.Exists(directory))
        {
            return Task.FromResult(false);
        }

        Directory.Delete(directory, recursive: true);
        // Tidy the two id levels above, as cc-backend's clean-up does; never the cluster directory or the root.
        var clusterDirectory = _paths.ClusterDirectory(job.Cluster);
        for (var parent = Path.GetDirectoryName(directory); parent is not null && parent != clusterDirectory; parent = Path.GetDirectoryName(parent))
        {
            if (Directory.EnumerateFileSystemEntries(parent).Any())
            {
                break;
            }

            try
            {
                Directory.Delete(parent);
            }
            catch (IOException)
            {
                break; // A concurrent writer put something there: keep it.
            }
        }

        return Task.FromResult(true);
    }

    public async IAsyncEnumerable<ArchivedMeta> EnumerateMetaAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<ArchivedMeta>(new BoundedChannelOptions(8192) { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceMetaAsync(channel.Writer, stop.Token), stop.Token);
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await producer;
            }
            catch (OperationCanceledException)
            {
                // The consumer stopped early; the producer's cancellation is expected.
            }
        }
    }

    /// <summary>Walks cluster/lvl1 directories in parallel; each worker reads the jobs below its lvl1 directory.</summary>
    private async Task ProduceMetaAsync(ChannelWriter<ArchivedMeta> writer, CancellationToken cancellationToken)
    {
        try
        {
            var level1 = VisibleDirectories(Root).SelectMany(VisibleDirectories).ToList();
            await Parallel.ForEachAsync(
                level1,
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                async (directory, token) =>
                {
                    foreach (var level2 in VisibleDirectories(directory))
                    {
                        foreach (var jobDirectory in VisibleDirectories(level2))
                        {
                            await writer.WriteAsync(ReadMetaFile(jobDirectory), token);
                        }
                    }
                });
            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
            throw;
        }
    }

    private static ArchivedMeta ReadMetaFile(string jobDirectory)
    {
        var path = Path.Combine(jobDirectory, MetaFile);
        try
        {
            return new ArchivedMeta(path, ReadMetaWithFewSyscalls(path), null);
        }
        catch (Exception e) when (e is FileNotFoundException)
        {
            return new ArchivedMeta(path, null, "meta.json is missing");
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return new ArchivedMeta(path, null, e.Message);
        }
    }

    /// <summary>
    /// open + pread + close into a pooled buffer: the full-archive import is bound by system calls per file, and
    /// <see cref="File.ReadAllBytes(string)"/> adds a stat and a second read to each.
    /// </summary>
    private static Job ReadMetaWithFewSyscalls(string path)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
            var length = 0;
            while (true)
            {
                var wanted = buffer.Length - length;
                var read = RandomAccess.Read(handle, buffer.AsSpan(length), length);
                length += read;
                if (read < wanted)
                {
                    break; // a short read of a regular file is its end: saves the extra read that would return 0
                }

                if (length == buffer.Length)
                {
                    var larger = System.Buffers.ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return ParseMeta(path, buffer.AsSpan(0, length));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Job ParseMeta(string path, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, ArchiveJsonContext.Default.Job)
                ?? throw new InvalidDataException($"{path}: holds null, not job metadata");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid job metadata: {e.Message}", e);
        }
    }

    private static IEnumerable<string> VisibleDirectories(string path) =>
        Directory.EnumerateDirectories(path).Where(d => !Path.GetFileName(d).StartsWith('.'));

    private static Task WriteAtomicAsync(string path, string text, CancellationToken cancellationToken) =>
        WriteAtomicAsync(path, System.Text.Encoding.UTF8.GetBytes(text), compress: false, cancellationToken);

    /// <summary>Temporary file beside the target (same filesystem, so the rename is atomic), flushed to disk, then renamed over it.</summary>
    internal static async Task WriteAtomicAsync(string path, ReadOnlyMemory<byte> content, bool compress, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(path)!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                if (compress)
                {
                    await using (var gzip = new GZipStream(file, new ZLibCompressionOptions { CompressionLevel = DataCompressionLevel }, leaveOpen: true))
                    {
                        await gzip.WriteAsync(content, cancellationToken);
                    }
                }
                else
                {
                    await file.WriteAsync(content, cancellationToken);
                }

                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Initialised a new job archive at {Root} (version {Version})")]
    private static partial void LogInitialized(ILogger logger, string root, int version);
}
