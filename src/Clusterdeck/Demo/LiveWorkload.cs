using System.Globalization;

namespace Clusterdeck.Demo;

/// <summary>
/// A kind of small real process the demo runs as a live job: a shell script that does its part for a given number of
/// seconds and ends early when the demo's process is gone (checked every few seconds through
/// <see cref="ParentVariable"/>), so a demo killed with SIGKILL leaves nothing running for long. Together the kinds use
/// about a third of one core, 128 MiB and a 16 MiB write every ten seconds: the machine is small and shared.
/// </summary>
internal sealed record LiveWorkload(string Name, string Description, string Setup, string Body)
{
    /// <summary>The environment variable holding the demo's process id.</summary>
    public const string ParentVariable = "CLUSTERDECK_DEMO_PID";

    /// <summary>About 30 % of one core, in bursts, at low priority.</summary>
    public static LiveWorkload Compute { get; } = new(
        "cpu-burst",
        "a CPU loop busy 0.3 s of every second",
        "",
        "timeout 0.3 sh -c 'while :; do :; done'\n  sleep 0.7");

    /// <summary>Holds 128 MiB in a shell variable and sleeps.</summary>
    public static LiveWorkload Memory { get; } = new(
        "mem-hold",
        "holds 128 MiB of memory",
        "hold=$(head -c 134217728 /dev/zero | tr '\\0' x)",
        "sleep 2");

    /// <summary>Asks for a node and does nothing with it, as forgotten interactive sessions do.</summary>
    public static LiveWorkload Idle { get; } = new(
        "interactive",
        "an idle shell",
        "",
        "sleep 2");

    /// <summary>Writes and flushes 16 MiB every ten seconds.</summary>
    public static LiveWorkload Io { get; } = new(
        "io-writer",
        "writes 16 MiB to a scratch file every 10 s",
        "scratch=\"${TMPDIR:-/tmp}/clusterdeck-demo-io.$$\"\ntrap 'rm -f \"$scratch\"' EXIT",
        "dd if=/dev/zero of=\"$scratch\" bs=1M count=16 conv=fsync 2>/dev/null\n  rm -f \"$scratch\"\n  sleep 8");

    public static IReadOnlyList<LiveWorkload> All { get; } = [Compute, Memory, Idle, Io];

    /// <summary>The script (it is also the job's <c>jobScript</c>) that runs for <paramref name="seconds"/>.</summary>
    public string Script(int seconds) => string.Create(CultureInfo.InvariantCulture, $"""
        #!/bin/sh
        # Clusterdeck demo live job: {Description}, for {seconds} s or until the demo stops.
        end=$(( $(date +%s) + {seconds} ))
        {Setup}
        while [ "$(date +%s)" -lt "$end" ] && kill -0 "${ParentVariable}" 2>/dev/null; do
          {Body}
        done

        """);
}
