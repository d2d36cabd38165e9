using Clusterdeck.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Clusterdeck.Data;

/// <summary>
/// Tables <c>node</c> and <c>node_state</c> with cc-backend's table and column names. The history is read per node and
/// time (a node's history, the timed state counts), hence its indexes; states and health are plain text as in cc-backend.
/// </summary>
internal static class NodeModel
{
    private const int NameLength = 255;

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<NodeEntity>(node =>
        {
            node.ToTable("node");
            node.HasKey(n => n.Id);
            node.Property(n => n.Id).HasColumnName("id");
            node.Property(n => n.Hostname).HasColumnName("hostname").HasMaxLength(NameLength);
            node.Property(n => n.Cluster).HasColumnName("cluster").HasMaxLength(NameLength);
            node.Property(n => n.SubCluster).HasColumnName("subcluster").HasMaxLength(NameLength);
            node.Property(n => n.MetaData).HasColumnName("meta_data");
            node.Property(n => n.TimeStamp).HasColumnName("time_stamp");
            node.Property(n => n.NodeState).HasColumnName("node_state").HasMaxLength(NameLength);
            node.Property(n => n.HealthState).HasColumnName("health_state").HasMaxLength(NameLength);
            node.Property(n => n.HealthMetrics).HasColumnName("health_metrics");
            node.Property(n => n.CpusAllocated).HasColumnName("cpus_allocated");
            node.Property(n => n.MemoryAllocated).HasColumnName("memory_allocated");
            node.Property(n => n.GpusAllocated).HasColumnName("gpus_allocated");
            node.Property(n => n.JobsRunning).HasColumnName("jobs_running");
            node.HasIndex(n => new { n.Cluster, n.Hostname }).IsUnique().HasDatabaseName("node_key");
            node.HasIndex(n => new { n.Cluster, n.SubCluster }).HasDatabaseName("nodes_cluster_subcluster");
        });

        modelBuilder.Entity<NodeStateEntity>(state =>
        {
            state.ToTable("node_state");
            state.HasKey(s => s.Id);
            state.Property(s => s.Id).HasColumnName("id");
            state.Property(s => s.NodeId).HasColumnName("node_id");
            state.Property(s => s.TimeStamp).HasColumnName("time_stamp");
            state.Property(s => s.NodeState).HasColumnName("node_state").HasMaxLength(NameLength);
            state.Property(s => s.HealthState).HasColumnName("health_state").HasMaxLength(NameLength);
            state.Property(s => s.HealthMetrics).HasColumnName("health_metrics");
            state.Property(s => s.CpusAllocated).HasColumnName("cpus_allocated");
            state.Property(s => s.MemoryAllocated).HasColumnName("memory_allocated");
            state.Property(s => s.GpusAllocated).HasColumnName("gpus_allocated");
            state.Property(s => s.JobsRunning).HasColumnName("jobs_running");
            state.HasIndex(s => new { s.NodeId, s.TimeStamp }).HasDatabaseName("nodestates_nodeid_timestamp");
            state.HasIndex(s => s.TimeStamp).HasDatabaseName("nodestates_timestamp");
            state.HasOne<NodeEntity>().WithMany().HasForeignKey(s => s.NodeId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
