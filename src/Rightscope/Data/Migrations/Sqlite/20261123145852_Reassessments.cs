using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rightscope.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Reassessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PreviousAssessmentId",
                table: "Assessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_PreviousAssessmentId",
                table: "Assessments",
                column: "PreviousAssessmentId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Assessments_Assessments_PreviousAssessmentId",
                table: "Assessments",
                column: "PreviousAssessmentId",
                principalTable: "Assessments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Assessments_Assessments_PreviousAssessmentId",
                table: "Assessments");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_PreviousAssessmentId",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "PreviousAssessmentId",
                table: "Assessments");
        }
    }
}
