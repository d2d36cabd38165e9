using Microsoft.EntityFrameworkCore;

namespace Clusterdeck.Data;

/// <summary>The model on PostgreSQL; its migrations live in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : ClusterdeckDbContext(options);
