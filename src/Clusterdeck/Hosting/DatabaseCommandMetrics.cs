using System.Data.Common;
using Clusterdeck.Core.Storage;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Prometheus;

namespace Clusterdeck.Hosting;

/// <summary>Database figures for <c>/metrics</c>: duration of every command and count of failed ones, by provider.</summary>
internal sealed class DatabaseCommandMetrics(IOptions<DatabaseOptions> options) : DbCommandInterceptor
{
    private static readonly Histogram Duration = Metrics.CreateHistogram(
        "clusterdeck_db_command_duration_seconds", "Duration of database commands", new HistogramConfiguration
        {
            LabelNames = ["provider"],
            Buckets = Histogram.ExponentialBuckets(0.0001, 4, 10), // 0.1 ms .. 26 s
        });

    private static readonly Counter Failures = Metrics.CreateCounter(
        "clusterdeck_db_command_failures_total", "Database commands that failed", "provider");

    private readonly string _provider = options.Value.Provider.ToString().ToLowerInvariant();

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) =>
        Record(eventData, result);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(eventData, result));

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) =>
        Record(eventData, result);

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(eventData, result));

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) =>
        Record(eventData, result);

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(eventData, result));

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Failures.WithLabels(_provider).Inc();

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failures.WithLabels(_provider).Inc();
        return Task.CompletedTask;
    }

    private T Record<T>(CommandExecutedEventData eventData, T result)
    {
        Duration.WithLabels(_provider).Observe(eventData.Duration.TotalSeconds);
        return result;
    }
}
