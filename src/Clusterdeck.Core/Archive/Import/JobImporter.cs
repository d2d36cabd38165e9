using System.Text.Json;
using System.Text.Json.Serialization;
using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Core.Archive.Import;

/// <summary>
/// Imports jobs given as <c>meta.json</c> and <c>data.json</c> files (cc-backend's <c>-import-job</c>) into the
/// archive and the job table. Every pair is read and checked before anything is written, so bad input
/// writes nothing; a job already in the table or the archive is refused (cc-backend fails on the
/// table's unique key only after it has overwritten the archive).
/// </summary>
public sealed class JobImporter(IJobArchive archive, IJobStore jobs, JobPlacement placement)
{
    // cc-backend decodes both files with DisallowUnknownFields.
    private static readonly JsonSerializerOptions Strict = new(ArchiveJsonContext.Default.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Parses <c>META:DATA[,META:DATA...]</c>.</summary>
    public static IReadOnlyList<(string Meta, string Data)> ParsePairs(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var pairs = new List<(string, string)>();
        foreach (var pair in spec.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var files = pair.Split(':');
            if (files.Length != 2 || files[0].Length == 0 || files[1].Length == 0)
            {
                throw new InvalidInputException($"'{pair}' is not of the form <meta.json>:<data.json>");
            }

            pairs.Add((files[0], files[1]));
        }

        return pairs.Count > 0 ? pairs : throw new InvalidInputException("no <meta.json>:<data.json> pair given");
    }

    /// <summary>Imports every pair and returns the stored jobs (with their database ids).</summary>
    public async Task<IReadOnlyList<Job>> ImportAsync(IReadOnlyList<(string Meta, string Data)> pairs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var prepared = new List<(Job Job, JobData Data)>();
        var keys = new HashSet<(string, long, long)>();
        foreach (var (metaPath, dataPath) in pairs)
        {
            var (job, data) = await PrepareAsync(metaPath, dataPath, cancellationToken);
            if (!keys.Add((job.Cluster, job.JobId, job.StartTime)))
            {
                throw new InvalidInputException($"{metaPath}: job {job.JobId} on {job.Cluster} starting at {job.StartTime} is given twice");
            }

            prepared.Add((job, data));
        }

        var stored = new List<Job>();
        foreach (var (job, data) in prepared)
        {
            await archive.ImportJobAsync(job with { Tags = job.Tags is { Count: > 0 } ? job.Tags : null }, data, cancellationToken);
            // The store attaches the job's tags (creating missing ones) in the insert's transaction.
            var id = await jobs.AddAsync(job, cancellationToken);
            stored.Add(job with { Id = id });
        }

        return stored;
    }

    private async Task<(Job Job, JobData Data)> PrepareAsync(string metaPath, string dataPath, CancellationToken cancellationToken)
    {
        var meta = await DecodeAsync(metaPath, ArchiveJsonContext.Default.Job.Type, cancellationToken) as Job
            ?? throw new InvalidInputException($"{metaPath}: no job in the file");
        var data = await DecodeAsync(dataPath, typeof(JobData), cancellationToken) as JobData
            ?? throw new InvalidInputException($"{dataPath}: no job data in the file");

        if (!placement.TryPrepareArchived(meta, out var job, out var rejection))
        {
            throw new InvalidInputException($"{metaPath}: {rejection.Message}");
        }

        if (await jobs.FindAsync(job.JobId, job.Cluster, job.StartTime, cancellationToken) is not null
            || await archive.ExistsAsync(job.Cluster, job.JobId, job.StartTime, cancellationToken))
        {
            throw new ConflictException($"{metaPath}: a job with jobId {job.JobId}, cluster {job.Cluster} and startTime {job.StartTime} already exists");
        }

        return (job, data);
    }

    private static async Task<object?> DecodeAsync(string path, Type type, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync(stream, type, Strict, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"{path}: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"{path}: cannot read: {e.Message}");
        }
    }
}
