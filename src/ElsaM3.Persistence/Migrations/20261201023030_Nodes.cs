using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElsaM3.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Nodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NodeName",
                table: "WorkflowInstances",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NodeName",
                table: "JournalChunks",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "Bookmarks",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ClaimedUntil",
                table: "Bookmarks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SeenSignatures",
                columns: table => new
                {
                    Signature = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    KeepUntil = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeenSignatures", x => x.Signature);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SeenSignatures_KeepUntil",
                table: "SeenSignatures",
                column: "KeepUntil");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "SeenSignatures");

            migrationBuilder.DropColumn(
                name: "NodeName",
                table: "WorkflowInstances");

            migrationBuilder.DropColumn(
                name: "NodeName",
                table: "JournalChunks");

            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "Bookmarks");

            migrationBuilder.DropColumn(
                name: "ClaimedUntil",
                table: "Bookmarks");
        }
    }
}
