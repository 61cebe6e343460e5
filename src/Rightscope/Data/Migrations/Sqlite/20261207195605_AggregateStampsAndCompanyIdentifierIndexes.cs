using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rightscope.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AggregateStampsAndCompanyIdentifierIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AggregateStamps",
                columns: table => new
                {
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Stamp = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AggregateStamps", x => new { x.OrganizationId, x.Area });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Isin",
                table: "Companies",
                column: "Isin");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Lei",
                table: "Companies",
                column: "Lei");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AggregateStamps");

            migrationBuilder.DropIndex(
                name: "IX_Companies_Isin",
                table: "Companies");

            migrationBuilder.DropIndex(
                name: "IX_Companies_Lei",
                table: "Companies");
        }
    }
}
