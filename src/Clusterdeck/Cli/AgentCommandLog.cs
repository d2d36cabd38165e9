namespace Clusterdeck.Cli;

internal static partial class AgentCommandLog
{
    [LoggerMessage(EventId = 4141, Level = LogLevel.Information, Message = "Host {Hostname} is in cluster {Cluster}, by the server's cluster list")]
    public static partial void ClusterFound(ILogger logger, string hostname, string cluster);

    [LoggerMessage(EventId = 4142, Level = LogLevel.Warning, Message = "{Note}; use --cluster to choose")]
    public static partial void ClusterGuessed(ILogger logger, string note);

    [LoggerMessage(EventId = 4143, Level = LogLevel.Warning, Message = "Cannot ask the server which cluster this is: {Problem}; trying again in {Pause}")]
    public static partial void ServerUnreachable(ILogger logger, string problem, TimeSpan pause);

    [LoggerMessage(EventId = 4144, Level = LogLevel.Error, Message = "Cannot ask the server which cluster this is: {Problem}")]
    public static partial void ServerUnreachableOnce(ILogger logger, string problem);
}
