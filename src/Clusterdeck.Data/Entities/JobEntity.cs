namespace Clusterdeck.Data.Entities;

/// <summary>
/// Row of table <c>job</c>, column for column as cc-backend's job table (plus <c>requested_memory</c>).
/// The model exists for the migrations; reads and writes go through hand-written SQL (<c>Jobs/SqlJobStore</c>).
/// <c>resources</c>, <c>meta_data</c>, <c>footprint</c> and <c>energy_footprint</c> hold JSON (jsonb on PostgreSQL).
/// </summary>
internal sealed class JobEntity
{
    public long Id { get; set; }
    public long JobId { get; set; }
    public required string Cluster { get; set; }
    public required string SubCluster { get; set; }
    public long SubmitTime { get; set; }
    public long StartTime { get; set; }
    public required string User { get; set; }
    public required string Project { get; set; }
    public string? Partition { get; set; }
    public long? ArrayJobId { get; set; }
    public int Duration { get; set; }
    public long Walltime { get; set; }
    public required string State { get; set; }
    public string? MetaData { get; set; }
    public required string Resources { get; set; }
    public int NumNodes { get; set; }
    public int? NumHwthreads { get; set; }
    public int? NumAcc { get; set; }
    public int Smt { get; set; }
    public required string Shared { get; set; }
    public int MonitoringStatus { get; set; }
    public double Energy { get; set; }
    public string? EnergyFootprint { get; set; }
    public string? Footprint { get; set; }
    public long RequestedMemory { get; set; }
}
