using Clusterdeck.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Clusterdeck.Data;

/// <summary>
/// The job, tag and jobtag tables, named as in cc-backend so that its SQL, its tools and a site's habits
/// carry over. The indexes serve the job list's common filters (cluster + state + user, user, project,
/// newest first) and the statistics grouped by user, which read only the index <c>job_user_stats</c>.
/// </summary>
internal static class JobModel
{
    public static void Configure(ModelBuilder modelBuilder, string? jsonColumnType)
    {
        modelBuilder.Entity<JobEntity>(job =>
        {
            job.ToTable("job");
            job.HasKey(j => j.Id);
            job.Property(j => j.Id).HasColumnName("id");
            job.Property(j => j.JobId).HasColumnName("job_id");
            job.Property(j => j.Cluster).HasColumnName("cluster");
            job.Property(j => j.SubCluster).HasColumnName("subcluster");
            job.Property(j => j.SubmitTime).HasColumnName("submit_time");
            job.Property(j => j.StartTime).HasColumnName("start_time");
            job.Property(j => j.User).HasColumnName("hpc_user");
            job.Property(j => j.Project).HasColumnName("project");
            job.Property(j => j.Partition).HasColumnName("cluster_partition");
            job.Property(j => j.ArrayJobId).HasColumnName("array_job_id");
            job.Property(j => j.Duration).HasColumnName("duration");
            job.Property(j => j.Walltime).HasColumnName("walltime");
            job.Property(j => j.State).HasColumnName("job_state");
            job.Property(j => j.MetaData).HasColumnName("meta_data").HasColumnType(jsonColumnType);
            job.Property(j => j.Resources).HasColumnName("resources").HasColumnType(jsonColumnType);
            job.Property(j => j.NumNodes).HasColumnName("num_nodes");
            job.Property(j => j.NumHwthreads).HasColumnName("num_hwthreads");
            job.Property(j => j.NumAcc).HasColumnName("num_acc");
            job.Property(j => j.Smt).HasColumnName("smt");
            job.Property(j => j.Shared).HasColumnName("shared");
            job.Property(j => j.MonitoringStatus).HasColumnName("monitoring_status");
            job.Property(j => j.Energy).HasColumnName("energy");
            job.Property(j => j.EnergyFootprint).HasColumnName("energy_footprint").HasColumnType(jsonColumnType);
            job.Property(j => j.Footprint).HasColumnName("footprint").HasColumnType(jsonColumnType);
            job.Property(j => j.RequestedMemory).HasColumnName("requested_memory");

            job.HasIndex(j => new { j.JobId, j.Cluster, j.StartTime }).IsUnique().HasDatabaseName("job_key");
            job.HasIndex(j => new { j.Cluster, j.State, j.User, j.StartTime }).HasDatabaseName("job_cluster_state_user_start");
            job.HasIndex(j => new { j.Cluster, j.StartTime }).HasDatabaseName("job_cluster_start");
            job.HasIndex(j => new { j.Cluster, j.Partition }).HasDatabaseName("job_cluster_partition"); // Cluster.partitions reads it alone
            job.HasIndex(j => new { j.State, j.StartTime }).HasDatabaseName("job_state_start");
            job.HasIndex(j => new { j.Project, j.StartTime }).HasDatabaseName("job_project_start");
            job.HasIndex(j => j.StartTime).HasDatabaseName("job_start");
            job.HasIndex(j => j.ArrayJobId).HasDatabaseName("job_array");
            job.HasIndex(j => new { j.MonitoringStatus, j.State }).HasDatabaseName("job_monitoring_state"); // the archiving queue

            // Covers the user filter with newest-first order and, because it carries every column the
            // statistics add up, lets statistics grouped by user read the index alone.
            job.HasIndex(j => new { j.User, j.StartTime, j.State, j.Duration, j.NumNodes, j.NumHwthreads, j.NumAcc })
                .HasDatabaseName("job_user_stats");
        });

        modelBuilder.Entity<TagEntity>(tag =>
        {
            tag.ToTable("tag");
            tag.HasKey(t => t.Id);
            tag.Property(t => t.Id).HasColumnName("id");
            tag.Property(t => t.Type).HasColumnName("tag_type").HasMaxLength(255);
            tag.Property(t => t.Name).HasColumnName("tag_name").HasMaxLength(255);
            tag.Property(t => t.Scope).HasColumnName("tag_scope").HasMaxLength(255);
            tag.HasIndex(t => new { t.Type, t.Name, t.Scope }).IsUnique().HasDatabaseName("tag_key");
        });

        modelBuilder.Entity<JobTagEntity>(jobTag =>
        {
            jobTag.ToTable("jobtag");
            jobTag.HasKey(jt => new { jt.JobId, jt.TagId });
            jobTag.Property(jt => jt.JobId).HasColumnName("job_id");
            jobTag.Property(jt => jt.TagId).HasColumnName("tag_id");
            jobTag.HasIndex(jt => jt.TagId).HasDatabaseName("jobtag_tag");
            jobTag.HasOne<JobEntity>().WithMany().HasForeignKey(jt => jt.JobId).OnDelete(DeleteBehavior.Cascade);
            jobTag.HasOne<TagEntity>().WithMany().HasForeignKey(jt => jt.TagId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
