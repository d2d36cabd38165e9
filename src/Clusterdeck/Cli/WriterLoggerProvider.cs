namespace Clusterdeck.Cli;

/// <summary>
/// Log lines (<c>2025-01-31T12:00:00Z warn: ...</c>) written to a command's error writer, so a long-running command
/// such as <c>agent</c> reports to stderr (and the journal, under systemd) and in-process callers can read what it said.
/// </summary>
internal sealed class WriterLoggerProvider(TextWriter writer, LogLevel minimumLevel, TimeProvider timeProvider) : ILoggerProvider
{
    private readonly Lock _lock = new();

    private LogLevel MinimumLevel => minimumLevel;

    public ILogger CreateLogger(string categoryName) => new WriterLogger(this);

    public void Dispose()
    {
    }

    private void Write(LogLevel level, string message, Exception? exception)
    {
        var label = level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };
        var line = $"{timeProvider.GetUtcNow():yyyy-MM-ddTHH:mm:ssZ} {label}: {message}{(exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})")}";
        lock (_lock)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }

    private sealed class WriterLogger(WriterLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider.MinimumLevel && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(logLevel, formatter(state, exception), exception);
            }
        }
    }
}
