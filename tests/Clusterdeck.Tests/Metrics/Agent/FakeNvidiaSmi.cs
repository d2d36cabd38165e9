namespace Clusterdeck.Tests.Metrics.Agent;

/// <summary>
/// A fake <c>nvidia-smi</c> in a temporary directory, because this machine has no NVIDIA GPU or driver. It checks that it
/// is called with exactly the agent's query and prints what a real <c>nvidia-smi</c> prints for it
/// (<c>--format=csv,noheader,nounits</c>: one line per GPU, columns separated by ", ", <c>[N/A]</c> for a value the GPU
/// does not report); any other call fails as the real one does for unknown arguments.
/// </summary>
internal sealed class FakeNvidiaSmi : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("clusterdeck-nvidia-");

    public FakeNvidiaSmi(string csv, int exitCode = 0)
    {
        var script = Path.Combine(_directory.FullName, "nvidia-smi");
        File.WriteAllText(script,
            "#!/bin/sh\n" +
            "if [ \"$#\" -ne 2 ] || [ \"$1\" != \"--query-gpu=pci.bus_id,utilization.gpu,utilization.memory,memory.used,power.draw,temperature.gpu,clocks.sm\" ] || [ \"$2\" != \"--format=csv,noheader,nounits\" ]; then\n" +
            "  echo \"Invalid combination of input arguments. Please run 'nvidia-smi -h' for help.\" >&2\n" +
            "  exit 2\n" +
            "fi\n" +
            $"cat <<'CSV'\n{csv}CSV\n" +
            $"exit {exitCode}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>A PATH value with the fake's directory first.</summary>
    public string SearchPath => _directory.FullName + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");

    public void Dispose() => _directory.Delete(recursive: true);
}
