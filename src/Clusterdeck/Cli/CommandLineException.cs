namespace Clusterdeck.Cli;

/// <summary>A usage error: printed as it is, exit code 2.</summary>
internal sealed class CommandLineException(string message) : Exception(message);
