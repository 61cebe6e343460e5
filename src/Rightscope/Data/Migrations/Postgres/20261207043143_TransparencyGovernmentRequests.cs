using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rightscope.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TransparencyGovernmentRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GovernmentRequestAggregates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountryCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Process = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Requests = table.Column<int>(type: "integer", nullable: false),
                    AccountsSpecified = table.Column<int>(type: "integer", nullable: false),
                    CompliedFully = table.Column<int>(type: "integer", nullable: false),
                    CompliedPartially = table.Column<int>(type: "integer", nullable: false),
                    Rejected = table.Column<int>(type: "integer", nullable: false),
                    ChallengedInCourt = table.Column<int>(type: "integer", nullable: false),
                    ImportedFrom = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernmentRequestAggregates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GovernmentRequestAggregates_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GovernmentRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CountryCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Authority = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Process = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AccountsSpecified = table.Column<int>(type: "integer", nullable: false),
                    ItemsSpecified = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ValidAndBinding = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ValidAndBindingNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ConsistentWithLaw = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ConsistentWithLawNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Legality = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    LegalityNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    LegitimateAim = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    LegitimateAimNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Necessity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    NecessityNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Proportionality = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ProportionalityNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Decision = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ItemsDisclosedOrRemoved = table.Column<int>(type: "integer", nullable: false),
                    NonDisclosureOrder = table.Column<bool>(type: "boolean", nullable: false),
                    UserNotified = table.Column<bool>(type: "boolean", nullable: true),
                    ImportedFrom = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernmentRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GovernmentRequests_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TransparencyReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Snapshot = table.Column<string>(type: "text", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WithdrawnByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransparencyReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TransparencyReports_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GovernmentRequestAggregates_OrganizationId_Period_CountryCo~",
                table: "GovernmentRequestAggregates",
                columns: new[] { "OrganizationId", "Period", "CountryCode", "Type", "Process" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GovernmentRequests_OrganizationId_ReceivedOn",
                table: "GovernmentRequests",
                columns: new[] { "OrganizationId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TransparencyReports_OrganizationId_Period",
                table: "TransparencyReports",
                columns: new[] { "OrganizationId", "Period" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GovernmentRequestAggregates");

            migrationBuilder.DropTable(
                name: "GovernmentRequests");

            migrationBuilder.DropTable(
                name: "TransparencyReports");
        }
    }
}
