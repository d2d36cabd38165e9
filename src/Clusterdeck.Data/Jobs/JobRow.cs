using System.Data.Common;
using System.Text.Json;
using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Data.Jobs;

/// <summary>Maps <see cref="Job"/> to the columns of table <c>job</c> and back.</summary>
internal static class JobRow
{
    /// <summary>Every written column, in the order of <see cref="Values"/>.</summary>
    public static readonly string[] Columns =
    [
        "job_id", "cluster", "subcluster", "submit_time", "start_time", "hpc_user", "project", "cluster_partition",
        "array_job_id", "duration", "walltime", "job_state", "meta_data", "resources", "num_nodes", "num_hwthreads",
        "num_acc", "smt", "shared", "monitoring_status", "energy", "energy_footprint", "footprint", "requested_memory",
    ];

    /// <summary>Indexes into <see cref="Columns"/> of the JSON columns.</summary>
    public static readonly int[] JsonColumns = [12, 13, 21, 22];

    /// <summary>The select list that <see cref="Read"/> expects: <c>id</c>, then <see cref="Columns"/>.</summary>
    public static readonly string SelectList = "job.id, " + string.Join(", ", Columns.Select(c => "job." + c));

    public static object?[] Values(Job job) =>
    [
        job.JobId,
        job.Cluster,
        job.SubCluster,
        job.SubmitTime,
        job.StartTime,
        job.User,
        job.Project,
        job.Partition,
        job.ArrayJobId,
        job.Duration,
        job.Walltime,
        job.State,
        job.MetaData is null ? null : JsonSerializer.Serialize(job.MetaData, JobRowJson.Default.IReadOnlyDictionaryStringString),
        JsonSerializer.Serialize(job.Resources, JobRowJson.Default.IReadOnlyListJobResource),
        job.NumNodes,
        job.NumHwthreads,
        job.NumAcc,
        job.Smt,
        job.Shared,
        job.MonitoringStatus,
        job.Energy,
        job.EnergyFootprint is null ? null : JsonSerializer.Serialize(job.EnergyFootprint, JobRowJson.Default.IReadOnlyDictionaryStringDouble),
        job.Footprint is null ? null : JsonSerializer.Serialize(job.Footprint, JobRowJson.Default.IReadOnlyDictionaryStringDouble),
        job.RequestedMemory,
    ];

    /// <summary>
    /// Reads a row selected with <see cref="SelectList"/>. A running job's duration is the time since its
    /// start (as cc-backend reports it), not the stored value.
    /// </summary>
    public static Job Read(DbDataReader reader, long now)
    {
        var state = reader.GetString(12);
        var startTime = reader.GetInt64(5);
        return new Job
        {
            Id = reader.GetInt64(0),
            JobId = reader.GetInt64(1),
            Cluster = reader.GetString(2),
            SubCluster = reader.GetString(3),
            SubmitTime = reader.GetInt64(4),
            StartTime = startTime,
            User = reader.GetString(6),
            Project = reader.GetString(7),
            Partition = reader.IsDBNull(8) ? null : reader.GetString(8),
            ArrayJobId = reader.IsDBNull(9) ? 0 : reader.GetInt64(9),
            Duration = state == JobStates.Running ? (int)Math.Max(0, now - startTime) : reader.GetInt32(10),
            Walltime = reader.GetInt64(11),
            State = state,
            MetaData = ReadJson<Dictionary<string, string>>(reader, 13),
            Resources = ReadJson<List<JobResource>>(reader, 14) ?? [],
            NumNodes = reader.GetInt32(15),
            NumHwthreads = reader.IsDBNull(16) ? 0 : reader.GetInt32(16),
            NumAcc = reader.IsDBNull(17) ? 0 : reader.GetInt32(17),
            Smt = reader.GetInt32(18),
            Shared = reader.GetString(19),
            MonitoringStatus = reader.GetInt32(20),
            Energy = reader.GetDouble(21),
            EnergyFootprint = ReadJson<Dictionary<string, double>>(reader, 22),
            Footprint = ReadJson<Dictionary<string, double>>(reader, 23),
            RequestedMemory = reader.GetInt64(24),
        };
    }

    private static T? ReadJson<T>(DbDataReader reader, int ordinal) where T : class
    {
        var typeInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)JobRowJson.Default.GetTypeInfo(typeof(T))!;
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        var text = reader.GetString(ordinal);
        return string.IsNullOrWhiteSpace(text) || text == "null" ? null : JsonSerializer.Deserialize(text, typeInfo);
    }
}
