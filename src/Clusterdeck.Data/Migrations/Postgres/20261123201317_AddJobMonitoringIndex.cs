using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clusterdeck.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddJobMonitoringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "job_monitoring_state",
                table: "job",
                columns: new[] { "monitoring_status", "job_state" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "job_monitoring_state",
                table: "job");
        }
    }
}
