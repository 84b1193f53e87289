using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ElsaM3.Persistence.PostgreSql.Migrations
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NodeName",
                table: "JournalChunks",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "Bookmarks",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ClaimedUntil",
                table: "Bookmarks",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SeenSignatures",
                columns: table => new
                {
                    Signature = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    KeepUntil = table.Column<long>(type: "bigint", nullable: false)
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
