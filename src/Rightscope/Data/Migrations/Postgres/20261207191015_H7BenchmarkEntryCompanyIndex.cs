using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rightscope.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class H7BenchmarkEntryCompanyIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_BenchmarkEntries_CompanyId",
                table: "BenchmarkEntries",
                column: "CompanyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BenchmarkEntries_CompanyId",
                table: "BenchmarkEntries");
        }
    }
}
