namespace Clusterdeck.Core.Demo;

/// <summary>A synthetic user of the demo cluster and the projects whose jobs they run.</summary>
public sealed record DemoUser(string Username, string Name, IReadOnlyList<string> Projects);
