using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clusterdeck.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddNodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "node",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    hostname = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    cluster = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    subcluster = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    meta_data = table.Column<string>(type: "TEXT", nullable: true),
                    time_stamp = table.Column<long>(type: "INTEGER", nullable: false),
                    node_state = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    health_state = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    health_metrics = table.Column<string>(type: "TEXT", nullable: true),
                    cpus_allocated = table.Column<int>(type: "INTEGER", nullable: false),
                    memory_allocated = table.Column<long>(type: "INTEGER", nullable: false),
                    gpus_allocated = table.Column<int>(type: "INTEGER", nullable: false),
                    jobs_running = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_node", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "node_state",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    node_id = table.Column<long>(type: "INTEGER", nullable: false),
                    time_stamp = table.Column<long>(type: "INTEGER", nullable: false),
                    node_state = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    health_state = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    health_metrics = table.Column<string>(type: "TEXT", nullable: true),
                    cpus_allocated = table.Column<int>(type: "INTEGER", nullable: false),
                    memory_allocated = table.Column<long>(type: "INTEGER", nullable: false),
                    gpus_allocated = table.Column<int>(type: "INTEGER", nullable: false),
                    jobs_running = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_node_state", x => x.id);
                    table.ForeignKey(
                        name: "FK_node_state_node_node_id",
                        column: x => x.node_id,
                        principalTable: "node",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "node_key",
                table: "node",
                columns: new[] { "cluster", "hostname" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "nodes_cluster_subcluster",
                table: "node",
                columns: new[] { "cluster", "subcluster" });

            migrationBuilder.CreateIndex(
                name: "nodestates_nodeid_timestamp",
                table: "node_state",
                columns: new[] { "node_id", "time_stamp" });

            migrationBuilder.CreateIndex(
                name: "nodestates_timestamp",
                table: "node_state",
                column: "time_stamp");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "node_state");

            migrationBuilder.DropTable(
                name: "node");
        }
    }
}
