namespace Clusterdeck.Core.Metrics.Agent;

/// <summary>
/// The node's <c>/proc</c> and <c>/sys</c> files under a root directory: <c>/</c> on a real node, a directory of
/// captured files in tests.
/// </summary>
public sealed class NodeFiles(string root)
{
    /// <summary>This machine's own files.</summary>
    public static NodeFiles Real { get; } = new("/");

    public string Root { get; } = root;

    /// <summary>The text of <paramref name="relativePath"/> (e.g. <c>proc/stat</c>); throws when it cannot be read.</summary>
    public string ReadText(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    /// <summary>
    /// True when <paramref name="device"/> (a name from <c>/proc/diskstats</c>) is a whole disk backed by hardware:
    /// listed in <c>/sys/block</c> and not a virtual device (loop, ram, zram, device-mapper, md), whose traffic
    /// would otherwise be counted twice or is not disk traffic at all. Without <c>/sys/block</c>, names decide.
    /// </summary>
    public bool IsPhysicalDisk(string device)
    {
        var blockDirectory = Path.Combine(Root, "sys", "block");
        if (!Directory.Exists(blockDirectory))
        {
            return !IsVirtualByName(device);
        }

        var entry = new DirectoryInfo(Path.Combine(blockDirectory, device));
        if (!entry.Exists)
        {
            return false; // a partition: only whole disks have an entry in /sys/block
        }

        var target = entry.LinkTarget ?? entry.FullName;
        return !target.Contains("/virtual/", StringComparison.Ordinal);
    }

    private static bool IsVirtualByName(string device) =>
        device.StartsWith("loop", StringComparison.Ordinal) || device.StartsWith("ram", StringComparison.Ordinal)
        || device.StartsWith("zram", StringComparison.Ordinal) || device.StartsWith("dm-", StringComparison.Ordinal)
        || device.StartsWith("md", StringComparison.Ordinal);
}
