using Microsoft.Extensions.Logging.Console;

namespace Clusterdeck.Hosting;

internal static class ClusterdeckLogging
{
    /// <summary>
    /// One line per event with a UTC timestamp; <c>Logging:Console:FormatterName=json</c> switches to JSON
    /// lines. Commands whose output is meant for scripts (<paramref name="toStandardError"/>) keep logs off stdout.
    /// </summary>
    public static void Configure(ILoggingBuilder logging, IConfiguration configuration, LogLevel defaultLevel, bool toStandardError)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(defaultLevel);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", defaultLevel);
        logging.AddConfiguration(configuration.GetSection("Logging"));
        // AddConsole registers the simple and the JSON formatter; Logging:Console:FormatterName picks one.
        logging.AddConsole();
        logging.Services.Configure<SimpleConsoleFormatterOptions>(simple =>
        {
            simple.SingleLine = true;
            simple.UseUtcTimestamp = true;
            simple.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        logging.Services.Configure<JsonConsoleFormatterOptions>(json => json.UseUtcTimestamp = true);
        logging.Services.Configure<ConsoleLoggerOptions>(console =>
        {
            console.FormatterName ??= ConsoleFormatterNames.Simple;
            if (toStandardError)
            {
                console.LogToStandardErrorThreshold = LogLevel.Trace;
            }
        });
    }
}
