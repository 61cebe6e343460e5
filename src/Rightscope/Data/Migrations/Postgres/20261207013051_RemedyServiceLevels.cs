using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rightscope.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RemedyServiceLevels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AcknowledgeDays",
                table: "Channels",
                type: "integer",
                nullable: false,
                defaultValue: 7);

            migrationBuilder.AddColumn<int>(
                name: "FeedbackMonths",
                table: "Channels",
                type: "integer",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.CreateTable(
                name: "CaseReminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseNumber = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReadOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseReminders_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseReminders_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseReminders_OrganizationId_CaseNumber_Kind_DueOn_UserId",
                table: "CaseReminders",
                columns: new[] { "OrganizationId", "CaseNumber", "Kind", "DueOn", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseReminders_UserId_ReadOn",
                table: "CaseReminders",
                columns: new[] { "UserId", "ReadOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseReminders");

            migrationBuilder.DropColumn(
                name: "AcknowledgeDays",
                table: "Channels");

            migrationBuilder.DropColumn(
                name: "FeedbackMonths",
                table: "Channels");
        }
    }
}
