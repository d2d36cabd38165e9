namespace Clusterdeck.Core.Metrics.Agent;

/// <summary>
/// The metric names the node agent writes. They are cc-metric-collector's names where it has one, and the names
/// of ClusterCockpit's metric list and reference cluster.json files (<c>cpu_load</c>, <c>mem_used</c>,
/// <c>net_bw</c>, <c>file_bw</c>, <c>acc_*</c>) where a site's router would rename cc's raw metrics to them.
/// </summary>
public static class AgentMetricNames
{
    /// <summary>1-minute load average (node, no unit).</summary>
    public const string CpuLoad = "cpu_load";

    /// <summary>Share of time in user mode, per hwthread, in percent.</summary>
    public const string CpuUser = "cpu_user";

    /// <summary>Memory in use (node), in GB (10^9 bytes), as the reference cluster.json files declare it.</summary>
    public const string MemUsed = "mem_used";

    /// <summary>Bytes/s received plus sent over every interface but loopback (node).</summary>
    public const string NetBandwidth = "net_bw";

    /// <summary>Bytes/s received over every interface but loopback (node); cc-metric-collector's netstat name.</summary>
    public const string NetBytesInBandwidth = "net_bytes_in_bw";

    /// <summary>Bytes/s sent over every interface but loopback (node); cc-metric-collector's netstat name.</summary>
    public const string NetBytesOutBandwidth = "net_bytes_out_bw";

    /// <summary>Bytes/s read plus written on the node's whole physical disks (node).</summary>
    public const string FileBandwidth = "file_bw";

    /// <summary>Bytes/s read from whole physical disks (node): cc's iostat prefix with the <c>_bw</c> suffix of its rates.</summary>
    public const string IoReadBandwidth = "io_read_bw";

    /// <summary>Bytes/s written to whole physical disks (node).</summary>
    public const string IoWriteBandwidth = "io_write_bw";

    /// <summary>GPU utilisation in percent (accelerator).</summary>
    public const string AccUtilization = "acc_utilization";

    /// <summary>GPU memory in use, in GB (accelerator).</summary>
    public const string AccMemUsed = "acc_mem_used";

    /// <summary>GPU power draw in W (accelerator).</summary>
    public const string AccPower = "acc_power";

    /// <summary>GPU memory-controller utilisation in percent (accelerator); cc-metric-collector's nvidia name.</summary>
    public const string NvMemUtil = "nv_mem_util";

    /// <summary>GPU temperature in °C (accelerator); cc-metric-collector's nvidia name.</summary>
    public const string NvTemp = "nv_temp";

    /// <summary>GPU SM clock in MHz (accelerator); cc-metric-collector's nvidia name.</summary>
    public const string NvSmClock = "nv_sm_clock";
}
