namespace Clusterdeck.Hosting;

/// <summary>The configuration the user wrote (file, environment, command line), apart from keys the framework adds for itself.</summary>
internal sealed record UserConfiguration(IConfiguration Root);
