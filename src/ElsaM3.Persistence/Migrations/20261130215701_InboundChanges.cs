using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElsaM3.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InboundChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Direction",
                table: "IntegrationLog",
                type: "TEXT",
                nullable: false,
                defaultValue: "Out");

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationLog_Direction_Timestamp",
                table: "IntegrationLog",
                columns: new[] { "Direction", "Timestamp" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IntegrationLog_Direction_Timestamp",
                table: "IntegrationLog");

            migrationBuilder.DropColumn(
                name: "Direction",
                table: "IntegrationLog");
        }
    }
}
