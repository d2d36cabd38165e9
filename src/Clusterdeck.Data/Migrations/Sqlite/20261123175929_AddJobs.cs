using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clusterdeck.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "job",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    job_id = table.Column<long>(type: "INTEGER", nullable: false),
                    cluster = table.Column<string>(type: "TEXT", nullable: false),
                    subcluster = table.Column<string>(type: "TEXT", nullable: false),
                    submit_time = table.Column<long>(type: "INTEGER", nullable: false),
                    start_time = table.Column<long>(type: "INTEGER", nullable: false),
                    hpc_user = table.Column<string>(type: "TEXT", nullable: false),
                    project = table.Column<string>(type: "TEXT", nullable: false),
                    cluster_partition = table.Column<string>(type: "TEXT", nullable: true),
                    array_job_id = table.Column<long>(type: "INTEGER", nullable: true),
                    duration = table.Column<int>(type: "INTEGER", nullable: false),
                    walltime = table.Column<long>(type: "INTEGER", nullable: false),
                    job_state = table.Column<string>(type: "TEXT", nullable: false),
                    meta_data = table.Column<string>(type: "TEXT", nullable: true),
                    resources = table.Column<string>(type: "TEXT", nullable: false),
                    num_nodes = table.Column<int>(type: "INTEGER", nullable: false),
                    num_hwthreads = table.Column<int>(type: "INTEGER", nullable: true),
                    num_acc = table.Column<int>(type: "INTEGER", nullable: true),
                    smt = table.Column<int>(type: "INTEGER", nullable: false),
                    shared = table.Column<string>(type: "TEXT", nullable: false),
                    monitoring_status = table.Column<int>(type: "INTEGER", nullable: false),
                    energy = table.Column<double>(type: "REAL", nullable: false),
                    energy_footprint = table.Column<string>(type: "TEXT", nullable: true),
                    footprint = table.Column<string>(type: "TEXT", nullable: true),
                    requested_memory = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_job", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tag",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tag_type = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    tag_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    tag_scope = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tag", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "jobtag",
                columns: table => new
                {
                    job_id = table.Column<long>(type: "INTEGER", nullable: false),
                    tag_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jobtag", x => new { x.job_id, x.tag_id });
                    table.ForeignKey(
                        name: "FK_jobtag_job_job_id",
                        column: x => x.job_id,
                        principalTable: "job",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_jobtag_tag_tag_id",
                        column: x => x.tag_id,
                        principalTable: "tag",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "job_array",
                table: "job",
                column: "array_job_id");

            migrationBuilder.CreateIndex(
                name: "job_cluster_start",
                table: "job",
                columns: new[] { "cluster", "start_time" });

            migrationBuilder.CreateIndex(
                name: "job_cluster_state_user_start",
                table: "job",
                columns: new[] { "cluster", "job_state", "hpc_user", "start_time" });

            migrationBuilder.CreateIndex(
                name: "job_key",
                table: "job",
                columns: new[] { "job_id", "cluster", "start_time" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "job_project_start",
                table: "job",
                columns: new[] { "project", "start_time" });

            migrationBuilder.CreateIndex(
                name: "job_start",
                table: "job",
                column: "start_time");

            migrationBuilder.CreateIndex(
                name: "job_state_start",
                table: "job",
                columns: new[] { "job_state", "start_time" });

            migrationBuilder.CreateIndex(
                name: "job_user_stats",
                table: "job",
                columns: new[] { "hpc_user", "start_time", "job_state", "duration", "num_nodes", "num_hwthreads", "num_acc" });

            migrationBuilder.CreateIndex(
                name: "jobtag_tag",
                table: "jobtag",
                column: "tag_id");

            migrationBuilder.CreateIndex(
                name: "tag_key",
                table: "tag",
                columns: new[] { "tag_type", "tag_name", "tag_scope" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "jobtag");

            migrationBuilder.DropTable(
                name: "job");

            migrationBuilder.DropTable(
                name: "tag");
        }
    }
}
