using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rightscope.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HrddTrackingActionsIndicatorsEngagementLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DueDiligenceActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RelationshipName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OwnerUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Function = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FunctionOther = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DueDiligenceActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DueDiligenceActions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StakeholderEngagements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StakeholderTypes = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    GlobalSouth = table.Column<bool>(type: "INTEGER", nullable: false),
                    Topics = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DecisionsChanged = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FollowUps = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FollowUpDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StakeholderEngagements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StakeholderEngagements_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DueDiligenceActionIssues",
                columns: table => new
                {
                    ActionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SalientIssueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DueDiligenceActionIssues", x => new { x.ActionId, x.SalientIssueId });
                    table.ForeignKey(
                        name: "FK_DueDiligenceActionIssues_DueDiligenceActions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "DueDiligenceActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DueDiligenceActionIssues_SalientIssues_SalientIssueId",
                        column: x => x.SalientIssueId,
                        principalTable: "SalientIssues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrackingIndicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SalientIssueId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    BaselineValue = table.Column<double>(type: "REAL", nullable: true),
                    BaselineText = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    BaselineOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TargetValue = table.Column<double>(type: "REAL", nullable: true),
                    TargetText = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    TargetOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrackingIndicators", x => x.Id);
                    table.CheckConstraint("CK_TrackingIndicators_OneSubject", "(\"SalientIssueId\" IS NULL AND \"ActionId\" IS NOT NULL) OR (\"SalientIssueId\" IS NOT NULL AND \"ActionId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_TrackingIndicators_DueDiligenceActions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "DueDiligenceActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TrackingIndicators_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TrackingIndicators_SalientIssues_SalientIssueId",
                        column: x => x.SalientIssueId,
                        principalTable: "SalientIssues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StakeholderEngagementIssues",
                columns: table => new
                {
                    EngagementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SalientIssueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StakeholderEngagementIssues", x => new { x.EngagementId, x.SalientIssueId });
                    table.ForeignKey(
                        name: "FK_StakeholderEngagementIssues_SalientIssues_SalientIssueId",
                        column: x => x.SalientIssueId,
                        principalTable: "SalientIssues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StakeholderEngagementIssues_StakeholderEngagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "StakeholderEngagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StakeholderEngagementParties",
                columns: table => new
                {
                    EngagementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StakeholderEngagementParties", x => new { x.EngagementId, x.NormalizedName });
                    table.ForeignKey(
                        name: "FK_StakeholderEngagementParties_StakeholderEngagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "StakeholderEngagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrackingMeasurements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeasuredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: true),
                    Assessment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrackingMeasurements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrackingMeasurements_TrackingIndicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "TrackingIndicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DueDiligenceActionIssues_OrganizationId_SalientIssueId",
                table: "DueDiligenceActionIssues",
                columns: new[] { "OrganizationId", "SalientIssueId" });

            migrationBuilder.CreateIndex(
                name: "IX_DueDiligenceActionIssues_SalientIssueId",
                table: "DueDiligenceActionIssues",
                column: "SalientIssueId");

            migrationBuilder.CreateIndex(
                name: "IX_DueDiligenceActions_OrganizationId_Status_DueOn",
                table: "DueDiligenceActions",
                columns: new[] { "OrganizationId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_StakeholderEngagementIssues_OrganizationId_SalientIssueId",
                table: "StakeholderEngagementIssues",
                columns: new[] { "OrganizationId", "SalientIssueId" });

            migrationBuilder.CreateIndex(
                name: "IX_StakeholderEngagementIssues_SalientIssueId",
                table: "StakeholderEngagementIssues",
                column: "SalientIssueId");

            migrationBuilder.CreateIndex(
                name: "IX_StakeholderEngagementParties_OrganizationId_NormalizedName",
                table: "StakeholderEngagementParties",
                columns: new[] { "OrganizationId", "NormalizedName" });

            migrationBuilder.CreateIndex(
                name: "IX_StakeholderEngagements_OrganizationId_HeldOn",
                table: "StakeholderEngagements",
                columns: new[] { "OrganizationId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TrackingIndicators_ActionId",
                table: "TrackingIndicators",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_TrackingIndicators_OrganizationId_ActionId",
                table: "TrackingIndicators",
                columns: new[] { "OrganizationId", "ActionId" });

            migrationBuilder.CreateIndex(
                name: "IX_TrackingIndicators_OrganizationId_SalientIssueId",
                table: "TrackingIndicators",
                columns: new[] { "OrganizationId", "SalientIssueId" });

            migrationBuilder.CreateIndex(
                name: "IX_TrackingIndicators_SalientIssueId",
                table: "TrackingIndicators",
                column: "SalientIssueId");

            migrationBuilder.CreateIndex(
                name: "IX_TrackingMeasurements_IndicatorId_MeasuredOn",
                table: "TrackingMeasurements",
                columns: new[] { "IndicatorId", "MeasuredOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DueDiligenceActionIssues");

            migrationBuilder.DropTable(
                name: "StakeholderEngagementIssues");

            migrationBuilder.DropTable(
                name: "StakeholderEngagementParties");

            migrationBuilder.DropTable(
                name: "TrackingMeasurements");

            migrationBuilder.DropTable(
                name: "StakeholderEngagements");

            migrationBuilder.DropTable(
                name: "TrackingIndicators");

            migrationBuilder.DropTable(
                name: "DueDiligenceActions");
        }
    }
}
