using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Jobs.Queries;

namespace Clusterdeck.Data.Jobs;

/// <summary>The ORDER BY of a job list: a whitelisted column or a footprint key, then the id for a stable order.</summary>
internal static class JobOrderSql
{
    private static readonly Dictionary<string, string> ColumnsByField = new(StringComparer.Ordinal)
    {
        ["id"] = "job.id",
        ["dbId"] = "job.id",
        ["jobId"] = "job.job_id",
        ["user"] = "job.hpc_user",
        ["project"] = "job.project",
        ["cluster"] = "job.cluster",
        ["subCluster"] = "job.subcluster",
        ["partition"] = "job.cluster_partition",
        ["arrayJobId"] = "job.array_job_id",
        ["numNodes"] = "job.num_nodes",
        ["numHwthreads"] = "job.num_hwthreads",
        ["numHWThreads"] = "job.num_hwthreads",
        ["numAcc"] = "job.num_acc",
        ["numAccelerators"] = "job.num_acc",
        ["shared"] = "job.shared",
        ["smt"] = "job.smt",
        ["monitoringStatus"] = "job.monitoring_status",
        ["state"] = "job.job_state",
        ["jobState"] = "job.job_state",
        ["startTime"] = "job.start_time",
        ["submitTime"] = "job.submit_time",
        ["duration"] = "job.duration",
        ["walltime"] = "job.walltime",
        ["energy"] = "job.energy",
        ["requestedMemory"] = "job.requested_memory",
    };

    public static void Append(SqlText sql, SqlDialect dialect, JobOrder order)
    {
        var direction = order.Descending ? " DESC" : " ASC";
        string expression;
        if (order.Type == JobOrder.Column)
        {
            expression = ColumnsByField.TryGetValue(order.Field, out var column)
                ? column
                : throw new InvalidInputException($"cannot order jobs by '{order.Field}': unknown field");
        }
        else if (order.Type == JobOrder.Footprint)
        {
            expression = dialect.FootprintNumber(sql.Param(dialect.FootprintKey(JobFilterSql.CheckFootprintKey(order.Field))));
        }
        else
        {
            throw new InvalidInputException($"invalid order type '{order.Type}': use col or foot");
        }

        // Jobs without the footprint value sort last either way, on both engines.
        var nulls = order.Type == JobOrder.Footprint ? $"CASE WHEN {expression} IS NULL THEN 1 ELSE 0 END, " : "";
        sql.Append(" ORDER BY ").Append(nulls).Append(expression).Append(direction).Append(", job.id").Append(direction);
    }
}
