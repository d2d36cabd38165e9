using System.Data.Common;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clusterdeck.Data;

/// <summary>
/// Database figures for <c>/metrics</c>: duration of every command and count of failed ones, by
/// provider. Published through a <see cref="Meter"/>; the host exports every meter to Prometheus
/// (as <c>clusterdeck_data_db_command_duration</c>, beside EF Core's own <c>microsoft_entityframeworkcore_*</c>).
/// </summary>
internal sealed class DatabaseMetrics : DbCommandInterceptor
{
    public const string MeterName = "Clusterdeck.Data";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "db.command.duration", "s", "Duration of database commands");
    private static readonly Counter<long> Failures = Meter.CreateCounter<long>(
        "db.command.failures", description: "Database commands that failed");

    private readonly KeyValuePair<string, object?> _provider;

    public DatabaseMetrics(string provider) => _provider = new("provider", provider);

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

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Failures.Add(1, _provider);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failures.Add(1, _provider);
        return Task.CompletedTask;
    }

    private T Record<T>(CommandExecutedEventData eventData, T result)
    {
        Duration.Record(eventData.Duration.TotalSeconds, _provider);
        return result;
    }
}
