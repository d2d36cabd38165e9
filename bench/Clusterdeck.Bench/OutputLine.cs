namespace Clusterdeck.Bench;

/// <summary>A line the server wrote, with when it arrived counted from process start.</summary>
internal sealed record OutputLine(TimeSpan At, string Text);
