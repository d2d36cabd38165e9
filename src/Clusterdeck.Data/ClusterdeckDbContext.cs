using Clusterdeck.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Clusterdeck.Data;

/// <summary>
/// The one model of Clusterdeck's database. Each provider has its own subclass
/// (<see cref="SqliteDbContext"/>, <see cref="PostgresDbContext"/>) only so that each carries its own
/// migrations; the model itself is defined once, here.
/// </summary>
public abstract class ClusterdeckDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    internal DbSet<UserEntity> Users => Set<UserEntity>();

    internal DbSet<JobEntity> Jobs => Set<JobEntity>();

    internal DbSet<TagEntity> Tags => Set<TagEntity>();

    internal DbSet<JobTagEntity> JobTags => Set<JobTagEntity>();

    internal DbSet<SettingEntity> Settings => Set<SettingEntity>();

    /// <summary>ASP.NET Core data-protection keys (session cookies), shared by every replica on one database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UserEntity>(user =>
        {
            user.ToTable("users");
            user.HasKey(u => u.Username);
            user.Property(u => u.Username).HasColumnName("username").HasMaxLength(255);
            user.Property(u => u.Name).HasColumnName("name").HasMaxLength(255);
            user.Property(u => u.Email).HasColumnName("email").HasMaxLength(255);
            user.Property(u => u.Roles).HasColumnName("roles").HasMaxLength(255);
            user.Property(u => u.Projects).HasColumnName("projects");
            user.Property(u => u.AuthSource).HasColumnName("auth_source");
            user.Property(u => u.PasswordHash).HasColumnName("password_hash").HasMaxLength(255);
            user.Property(u => u.CreatedAt).HasColumnName("created_at");
            user.Property(u => u.UpdatedAt).HasColumnName("updated_at");
        });

        JobModel.Configure(modelBuilder, jsonColumnType: Database.IsNpgsql() ? "jsonb" : null);
        NodeModel.Configure(modelBuilder);

        modelBuilder.Entity<SettingEntity>(setting =>
        {
            setting.ToTable("settings");
            setting.HasKey(s => s.Name);
            setting.Property(s => s.Name).HasColumnName("name").HasMaxLength(100);
            setting.Property(s => s.Value).HasColumnName("value");
            setting.Property(s => s.UpdatedAt).HasColumnName("updated_at");
        });

        modelBuilder.Entity<DataProtectionKey>(key =>
        {
            key.ToTable("data_protection_keys");
            key.Property(k => k.Id).HasColumnName("id");
            key.Property(k => k.FriendlyName).HasColumnName("friendly_name");
            key.Property(k => k.Xml).HasColumnName("xml");
        });
    }
}
