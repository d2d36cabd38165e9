namespace Clusterdeck.Hosting;

/// <summary>A registered configuration section and how to find everything wrong with it.</summary>
internal sealed record OptionsSection(string Name, Func<IServiceProvider, IEnumerable<string>> FindErrors);
