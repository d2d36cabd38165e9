namespace Clusterdeck.Core.Demo;

/// <summary>What a synthetic job's metric data looks like.</summary>
internal enum DemoJobProfile
{
    /// <summary>Busy cores at a good share of the peak flop rate, moderate memory traffic.</summary>
    ComputeBound,

    /// <summary>Busy cores waiting on memory: low flops, memory bandwidth near the peak.</summary>
    MemoryBound,

    /// <summary>Some of both.</summary>
    Balanced,

    /// <summary>Allocated nodes doing next to nothing (a forgotten interactive session, a stuck job).</summary>
    Idle,

    /// <summary>Little computing, much file traffic.</summary>
    IoHeavy,

    /// <summary>Compute phases interrupted by I/O phases (checkpoints, data loading).</summary>
    Phased,
}
