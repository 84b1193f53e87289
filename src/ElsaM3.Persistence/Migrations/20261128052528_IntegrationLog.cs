using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElsaM3.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class IntegrationLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IntegrationLog",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseReference = table.Column<string>(type: "TEXT", nullable: true),
                    CaseType = table.Column<string>(type: "TEXT", nullable: true),
                    WorkflowDefinitionId = table.Column<string>(type: "TEXT", nullable: false),
                    WorkflowInstanceId = table.Column<string>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", nullable: false),
                    ActivityName = table.Column<string>(type: "TEXT", nullable: true),
                    Operation = table.Column<string>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    ExternalReference = table.Column<string>(type: "TEXT", nullable: true),
                    HttpStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    ErrorCategory = table.Column<string>(type: "TEXT", nullable: true),
                    Messages = table.Column<string>(type: "TEXT", nullable: false),
                    DurationMs = table.Column<long>(type: "INTEGER", nullable: false),
                    CorrelationId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrationLog", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationLog_CaseReference_Timestamp",
                table: "IntegrationLog",
                columns: new[] { "CaseReference", "Timestamp" });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationLog_Outcome_Timestamp",
                table: "IntegrationLog",
                columns: new[] { "Outcome", "Timestamp" });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationLog_Timestamp",
                table: "IntegrationLog",
                column: "Timestamp");

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationLog_WorkflowInstanceId",
                table: "IntegrationLog",
                column: "WorkflowInstanceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IntegrationLog");
        }
    }
}
