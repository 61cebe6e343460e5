using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rightscope.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StatsVictimProfile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Perpetrator",
                table: "Cases",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VictimAgeBand",
                table: "Cases",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VictimSex",
                table: "Cases",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Perpetrator",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "VictimAgeBand",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "VictimSex",
                table: "Cases");
        }
    }
}
