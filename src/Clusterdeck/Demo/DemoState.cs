namespace Clusterdeck.Demo;

/// <summary>
/// The demo marker: <see cref="Generating"/> while the synthetic archive is being written (a later run starts over),
/// <see cref="Ready"/> once every file and row is in place (a later run reuses them).
/// </summary>
internal sealed record DemoState(string State, int Jobs, int Seed, long GeneratedAt)
{
    public const string Generating = "generating";
    public const string Ready = "ready";

    public bool IsReady => State == Ready;
}
