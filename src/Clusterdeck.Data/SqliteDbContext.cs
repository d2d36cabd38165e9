using Microsoft.EntityFrameworkCore;

namespace Clusterdeck.Data;

/// <summary>The model on SQLite; its migrations live in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteDbContext(DbContextOptions<SqliteDbContext> options) : ClusterdeckDbContext(options);
