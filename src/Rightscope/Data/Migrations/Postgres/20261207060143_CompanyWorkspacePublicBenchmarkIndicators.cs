using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rightscope.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    MethodologyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    MethodologyVersion = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ImportedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SourceFile = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ApprovedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReplyOpensOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReplyClosesOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Licence = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Snapshot = table.Column<string>(type: "text", nullable: true),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ConcurrencyToken = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    NodeKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Component = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BenchmarkIndicatorScores", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DueDiligenceActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RelationshipName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OwnerUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Function = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FunctionOther = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "uuid", nullable: false)
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
                name: "HriaProjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SubjectName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CountryCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Trigger = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Stage = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LeadUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Narratives = table.Column<string>(type: "text", nullable: false),
                    Snapshot = table.Column<string>(type: "text", nullable: true),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmittedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ApprovedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WithdrawnAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SourceFileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RowCount = table.Column<int>(type: "integer", nullable: false),
                    CountryCount = table.Column<int>(type: "integer", nullable: false),
                    FirstYear = table.Column<int>(type: "integer", nullable: false),
                    LastYear = table.Column<int>(type: "integer", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Illustrative = table.Column<bool>(type: "boolean", nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PublicUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Approver = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UpdatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Format = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StakeholderTypes = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Region = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CountryCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    GlobalSouth = table.Column<bool>(type: "boolean", nullable: false),
                    Topics = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DecisionsChanged = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FollowUps = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FollowUpDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "uuid", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "BenchmarkEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    EditionId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: false),
                    CompanyName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CompanySlug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Reply = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReplyText = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ReplyReceivedOn = table.Column<DateOnly>(type: "date", nullable: true)
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
                    ActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    SalientIssueId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SalientIssueId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Unit = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    BaselineValue = table.Column<double>(type: "double precision", nullable: true),
                    BaselineText = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    BaselineOn = table.Column<DateOnly>(type: "date", nullable: false),
                    TargetValue = table.Column<double>(type: "double precision", nullable: true),
                    TargetText = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    TargetOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Direction = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    HriaProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    LinkedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    LinkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DatasetId = table.Column<Guid>(type: "uuid", nullable: false),
                    IndicatorKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: false),
                    Unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Sex = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    AgeGroup = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Location = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Disability = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CommitmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Element = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    EvidenceUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    On = table.Column<DateOnly>(type: "date", nullable: true)
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
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    SalientIssueId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false)
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
                        name: "FK_StakeholderEngagementIssues_StakeholderEngagements_Engageme~",
                        column: x => x.EngagementId,
                        principalTable: "StakeholderEngagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StakeholderEngagementParties",
                columns: table => new
                {
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    NormalizedName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StakeholderEngagementParties", x => new { x.EngagementId, x.NormalizedName });
                    table.ForeignKey(
                        name: "FK_StakeholderEngagementParties_StakeholderEngagements_Engagem~",
                        column: x => x.EngagementId,
                        principalTable: "StakeholderEngagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrackingMeasurements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    MeasuredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: true),
                    Assessment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "uuid", nullable: false)
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
                name: "IX_GovernmentRequestAggregates_OrganizationId_Period_CountryCo~",
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
                name: "IX_IndicatorValues_DatasetId_IndicatorKey_Country_Year_Sex_Age~",
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
