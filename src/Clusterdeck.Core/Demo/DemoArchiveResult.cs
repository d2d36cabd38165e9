namespace Clusterdeck.Core.Demo;

/// <summary>What <see cref="DemoArchiveBuilder.BuildAsync"/> made: the number of jobs and how long writing the files and storing the rows took.</summary>
public sealed record DemoArchiveResult(int Jobs, TimeSpan FilesElapsed, TimeSpan RowsElapsed);
