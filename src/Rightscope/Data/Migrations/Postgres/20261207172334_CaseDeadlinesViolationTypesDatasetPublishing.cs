using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rightscope.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseDeadlinesViolationTypesDatasetPublishing : Migration
    {
        /// <summary>
        /// Existing cases: the first feedback day as CaseDeadlines.FirstFeedback works it out from the handler's replies
        /// (after the acknowledgement day) and the steps into a feedback state (from the acknowledgement day on).
        /// </summary>
        public const string BackfillSql =
            """
            UPDATE "Cases" SET "FeedbackGivenOn" = (
                SELECT MIN("Day") FROM (
                    SELECT m."SentOn" AS "Day" FROM "CaseMessages" AS m
                    WHERE m."CaseId" = "Cases"."Id" AND m."Author" = 'Handler' AND m."SentOn" > "Cases"."AcknowledgedOn"
                    UNION ALL
                    SELECT s."On" AS "Day" FROM "CaseSteps" AS s
                    WHERE s."CaseId" = "Cases"."Id" AND s."To" IN ('Referred', 'Investigating', 'RemedyProposed', 'Closed')
                        AND s."On" >= "Cases"."AcknowledgedOn") AS "Feedback")
            WHERE "AcknowledgedOn" IS NOT NULL;
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseRecipientEnvelopes_UserId",
                table: "CaseRecipientEnvelopes");

            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedAt",
                table: "IndicatorDatasets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FeedbackGivenOn",
                table: "Cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ViolationTypeKeys",
                table: "Cases",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.Sql(BackfillSql);

            // Datasets imported before drafts existed were shown publicly: they stay published, since the day imported.
            migrationBuilder.Sql("""UPDATE "IndicatorDatasets" SET "PublishedAt" = "ImportedAt";""");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Deadlines",
                table: "Cases",
                columns: new[] { "OrganizationId", "ChannelId", "Status", "AcknowledgedOn", "FeedbackGivenOn", "ReceivedOn", "Number", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseRecipientEnvelopes_UserId_OrganizationId_CaseId",
                table: "CaseRecipientEnvelopes",
                columns: new[] { "UserId", "OrganizationId", "CaseId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Deadlines",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_CaseRecipientEnvelopes_UserId_OrganizationId_CaseId",
                table: "CaseRecipientEnvelopes");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "IndicatorDatasets");

            migrationBuilder.DropColumn(
                name: "FeedbackGivenOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ViolationTypeKeys",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_CaseRecipientEnvelopes_UserId",
                table: "CaseRecipientEnvelopes",
                column: "UserId");
        }
    }
}
