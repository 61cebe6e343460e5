using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rightscope.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CompanyWorkspacePublicBenchmarkIndicators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BenchmarkEditions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    MethodologyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MethodologyVersion = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ImportedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SourceFile = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ApprovedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReplyOpensOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReplyClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Licence = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConcurrencyToken = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BenchmarkEditions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BenchmarkEditions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BenchmarkIndicatorScores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NodeKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Component = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BenchmarkIndicatorScores", x => x.Id);
                });

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
                name: "GovernmentRequestAggregates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Process = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Requests = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountsSpecified = table.Column<int>(type: "INTEGER", nullable: false),
                    CompliedFully = table.Column<int>(type: "INTEGER", nullable: false),
                    CompliedPartially = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    ChallengedInCourt = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportedFrom = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Authority = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Process = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AccountsSpecified = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemsSpecified = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ValidAndBinding = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ValidAndBindingNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ConsistentWithLaw = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ConsistentWithLawNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Legality = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    LegalityNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    LegitimateAim = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    LegitimateAimNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Necessity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    NecessityNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Proportionality = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ProportionalityNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ItemsDisclosedOrRemoved = table.Column<int>(type: "INTEGER", nullable: false),
                    NonDisclosureOrder = table.Column<bool>(type: "INTEGER", nullable: false),
                    UserNotified = table.Column<bool>(type: "INTEGER", nullable: true),
                    ImportedFrom = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "TEXT", nullable: false)
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
                name: "HriaProjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubjectName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LeadUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HriaProjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HriaProjects_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HumanRightsReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Narratives = table.Column<string>(type: "TEXT", nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmittedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HumanRightsReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HumanRightsReports_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorDatasets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SourceFileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RowCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CountryCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstYear = table.Column<int>(type: "INTEGER", nullable: false),
                    LastYear = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Illustrative = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorDatasets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorDatasets_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PolicyCommitments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PublicUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Approver = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UpdatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyCommitments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PolicyCommitments_Organizations_OrganizationId",
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
                name: "TransparencyReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawnByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "BenchmarkEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EditionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompanyName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CompanySlug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReplyText = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ReplyReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BenchmarkEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BenchmarkEntries_BenchmarkEditions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "BenchmarkEditions",
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
                name: "HriaAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HriaProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LinkedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LinkedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HriaAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HriaAssessments_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HriaAssessments_HriaProjects_HriaProjectId",
                        column: x => x.HriaProjectId,
                        principalTable: "HriaProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorValues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DatasetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    AgeGroup = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Disability = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorValues_IndicatorDatasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "IndicatorDatasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PolicyCommitmentElements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommitmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Element = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    EvidenceUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyCommitmentElements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PolicyCommitmentElements_PolicyCommitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "PolicyCommitments",
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
                name: "IX_BenchmarkEditions_OrganizationId_Slug",
                table: "BenchmarkEditions",
                columns: new[] { "OrganizationId", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BenchmarkEditions_Status",
                table: "BenchmarkEditions",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_BenchmarkEntries_AssessmentId",
                table: "BenchmarkEntries",
                column: "AssessmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BenchmarkEntries_EditionId_CompanySlug",
                table: "BenchmarkEntries",
                columns: new[] { "EditionId", "CompanySlug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BenchmarkIndicatorScores_AssessmentId_NodeKey_Component",
                table: "BenchmarkIndicatorScores",
                columns: new[] { "AssessmentId", "NodeKey", "Component" },
                unique: true);

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
                name: "IX_GovernmentRequestAggregates_OrganizationId_Period_CountryCode_Type_Process",
                table: "GovernmentRequestAggregates",
                columns: new[] { "OrganizationId", "Period", "CountryCode", "Type", "Process" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GovernmentRequests_OrganizationId_ReceivedOn",
                table: "GovernmentRequests",
                columns: new[] { "OrganizationId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_HriaAssessments_AssessmentId",
                table: "HriaAssessments",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_HriaAssessments_HriaProjectId_AssessmentId",
                table: "HriaAssessments",
                columns: new[] { "HriaProjectId", "AssessmentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HriaProjects_OrganizationId_Status",
                table: "HriaProjects",
                columns: new[] { "OrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_HumanRightsReports_OrganizationId_Year",
                table: "HumanRightsReports",
                columns: new[] { "OrganizationId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorDatasets_OrganizationId_Name",
                table: "IndicatorDatasets",
                columns: new[] { "OrganizationId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_DatasetId_IndicatorKey_Country_Year_Sex_AgeGroup_Location_Disability",
                table: "IndicatorValues",
                columns: new[] { "DatasetId", "IndicatorKey", "Country", "Year", "Sex", "AgeGroup", "Location", "Disability" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_OrganizationId_Country",
                table: "IndicatorValues",
                columns: new[] { "OrganizationId", "Country" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_OrganizationId_IndicatorKey_Year",
                table: "IndicatorValues",
                columns: new[] { "OrganizationId", "IndicatorKey", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_PolicyCommitmentElements_CommitmentId_Element",
                table: "PolicyCommitmentElements",
                columns: new[] { "CommitmentId", "Element" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PolicyCommitments_OrganizationId",
                table: "PolicyCommitments",
                column: "OrganizationId",
                unique: true);

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
                name: "BenchmarkEntries");

            migrationBuilder.DropTable(
                name: "BenchmarkIndicatorScores");

            migrationBuilder.DropTable(
                name: "DueDiligenceActionIssues");

            migrationBuilder.DropTable(
                name: "GovernmentRequestAggregates");

            migrationBuilder.DropTable(
                name: "GovernmentRequests");

            migrationBuilder.DropTable(
                name: "HriaAssessments");

            migrationBuilder.DropTable(
                name: "HumanRightsReports");

            migrationBuilder.DropTable(
                name: "IndicatorValues");

            migrationBuilder.DropTable(
                name: "PolicyCommitmentElements");

            migrationBuilder.DropTable(
                name: "StakeholderEngagementIssues");

            migrationBuilder.DropTable(
                name: "StakeholderEngagementParties");

            migrationBuilder.DropTable(
                name: "TrackingMeasurements");

            migrationBuilder.DropTable(
                name: "TransparencyReports");

            migrationBuilder.DropTable(
                name: "BenchmarkEditions");

            migrationBuilder.DropTable(
                name: "HriaProjects");

            migrationBuilder.DropTable(
                name: "IndicatorDatasets");

            migrationBuilder.DropTable(
                name: "PolicyCommitments");

            migrationBuilder.DropTable(
                name: "StakeholderEngagements");

            migrationBuilder.DropTable(
                name: "TrackingIndicators");

            migrationBuilder.DropTable(
                name: "DueDiligenceActions");
        }
    }
}
