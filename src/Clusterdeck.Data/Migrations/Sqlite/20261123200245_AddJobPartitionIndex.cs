using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clusterdeck.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddJobPartitionIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "job_cluster_partition",
                table: "job",
                columns: new[] { "cluster", "cluster_partition" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "job_cluster_partition",
                table: "job");
        }
    }
}
