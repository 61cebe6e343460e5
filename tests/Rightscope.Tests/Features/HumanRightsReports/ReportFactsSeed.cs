using Rightscope.Core.Hrdd;
using Rightscope.Core.Methodologies;
using Rightscope.Core.Remedy;
using Rightscope.Features.Hrdd;
using Rightscope.Features.Organizations;
using Rightscope.Features.Remedy;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.HumanRightsReports.HumanRightsReportSteps;

namespace Rightscope.Tests.Features.HumanRightsReports;

/// <summary>
/// A fictional due diligence cycle for one organization, every text marked with a word so a test can
/// tell whose data a report shows: a policy commitment, an HRIA that identified the first issue, engagements, actions,
/// indicators and grievance cases linked to one issue or the other.
/// </summary>
internal static class ReportFactsSeed
{
    public sealed record Seeded(SalientIssue Privacy, SalientIssue Expression);

    public static async Task<Seeded> SeedCycleAsync(RightscopeFactory app, Organization org, string mark)
    {
        var privacy = await SeedIssueAsync(app, org, $"{mark} privacy issue", "privacy", severity: 5);
        var expression = await SeedIssueAsync(app, org, $"{mark} expression issue", "expression", severity: 2, country: null);
        await QueryAsync(app, async db =>
        {
            var now = DateTime.UtcNow;
            var commitment = new PolicyCommitment { OrganizationId = org.Id, Title = $"{mark} human rights policy", Approver = $"{mark} board", ApprovedOn = new DateOnly(Year, 2, 3), PublicUrl = "https://example.org/policy", CreatedAt = now, UpdatedAt = now };
            db.Add(commitment);
            db.Add(new PolicyCommitmentElement { OrganizationId = org.Id, CommitmentId = commitment.Id, Element = CommitmentElement.SeniorApproval, Status = CommitmentElementStatus.Met, Evidence = $"{mark} board minute", On = new DateOnly(Year, 2, 3) });
            db.Add(new PolicyCommitmentElement { OrganizationId = org.Id, CommitmentId = commitment.Id, Element = CommitmentElement.InformedByExpertise, Status = CommitmentElementStatus.InProgress, Evidence = $"{mark} expert review" });

            var project = new HriaProject { OrganizationId = org.Id, SubjectKind = SubjectKind.Product, SubjectName = $"{mark} maps app", Trigger = HriaTrigger.MajorDecisionOrChange, Stage = LifecycleStage.Deployment, Status = HriaStatus.Completed, StartsOn = new DateOnly(Year, 1, 10), EndsOn = new DateOnly(Year, 4, 30), CreatedAt = now, UpdatedAt = now };
            db.Add(project);
            db.Attach(privacy);
            privacy.HriaProjectId = project.Id;

            StakeholderEngagement Engagement(DateOnly on, StakeholderType[] types, bool south, string changed, SalientIssue issue, params string[] parties)
            {
                var engagement = new StakeholderEngagement { OrganizationId = org.Id, HeldOn = on, Format = EngagementFormat.Workshop, StakeholderTypes = string.Join(',', types), Region = south ? StakeholderRegion.SubSaharanAfrica : StakeholderRegion.WesternEurope, GlobalSouth = south, Topics = "t", DecisionsChanged = changed, CreatedAt = now, UpdatedAt = now };
                db.Add(engagement);
                db.AddRange(parties.Select((p, i) => new StakeholderEngagementParty { OrganizationId = org.Id, EngagementId = engagement.Id, Position = i, Name = p, NormalizedName = StakeholderNames.Normalize(p) }));
                db.Add(new StakeholderEngagementIssue { OrganizationId = org.Id, EngagementId = engagement.Id, SalientIssueId = issue.Id });
                return engagement;
            }

            Engagement(new DateOnly(Year, 3, 1), [StakeholderType.HumanRightsDefenders, StakeholderType.CivilSociety], true, $"{mark} defaults changed", privacy, $"{mark} watch", $"{mark} union");
            Engagement(new DateOnly(Year, 9, 1), [StakeholderType.CivilSociety], false, "", privacy, $"{mark} watch");
            Engagement(new DateOnly(Year - 1, 9, 1), [StakeholderType.Users], true, $"{mark} last year's change", privacy, $"{mark} panel");
            Engagement(new DateOnly(Year, 5, 1), [StakeholderType.Workers], true, $"{mark} expression change", expression, $"{mark} workers");

            DueDiligenceAction Action(string title, ActionStatus status, DateOnly due, SalientIssue issue)
            {
                var action = new DueDiligenceAction { OrganizationId = org.Id, Title = $"{mark} {title}", Kind = ActionKind.Mitigation, Function = ActionFunction.Engineering, DueOn = due, Status = status, CompletedOn = status == ActionStatus.Done ? due : null, CreatedAt = now, UpdatedAt = now };
                db.Add(action);
                db.Add(new DueDiligenceActionIssue { OrganizationId = org.Id, ActionId = action.Id, SalientIssueId = issue.Id });
                return action;
            }

            Action("shorten retention", ActionStatus.Done, new DateOnly(Year, 6, 1), privacy);
            var notice = Action("publish notice", ActionStatus.InProgress, new DateOnly(Year, 10, 1), privacy);
            Action("train moderators", ActionStatus.Planned, new DateOnly(Year + 5, 1, 1), expression);

            var days = new TrackingIndicator { OrganizationId = org.Id, SalientIssueId = privacy.Id, Name = $"{mark} retention days", Kind = TrackingIndicatorKind.Quantitative, Unit = "days", BaselineValue = 90, BaselineOn = new DateOnly(Year, 1, 1), TargetValue = 30, TargetOn = new DateOnly(Year + 1, 1, 1), Direction = TrackingDirection.LowerIsBetter, CreatedAt = now, UpdatedAt = now };
            var understood = new TrackingIndicator { OrganizationId = org.Id, ActionId = notice.Id, Name = $"{mark} notice understood", Kind = TrackingIndicatorKind.Qualitative, BaselineText = "nobody", BaselineOn = new DateOnly(Year, 1, 1), TargetText = "most users", TargetOn = new DateOnly(Year + 1, 1, 1), CreatedAt = now, UpdatedAt = now };
            db.AddRange(days, understood);
            db.Add(new TrackingMeasurement { OrganizationId = org.Id, IndicatorId = days.Id, MeasuredOn = new DateOnly(Year, 6, 1), Value = 75, CreatedAt = now, UpdatedAt = now });
            db.Add(new TrackingMeasurement { OrganizationId = org.Id, IndicatorId = days.Id, MeasuredOn = new DateOnly(Year, 11, 1), Value = 60, CreatedAt = now, UpdatedAt = now });
            db.Add(new TrackingMeasurement { OrganizationId = org.Id, IndicatorId = days.Id, MeasuredOn = new DateOnly(Year + 1, 2, 1), Value = 10, CreatedAt = now, UpdatedAt = now });
            db.Add(new TrackingMeasurement { OrganizationId = org.Id, IndicatorId = understood.Id, MeasuredOn = new DateOnly(Year, 8, 1), Assessment = $"{mark} half understood", CreatedAt = now, UpdatedAt = now });

            var channel = new Channel { OrganizationId = org.Id, Slug = TestData.UniqueSlug("ch"), NameEn = "Fictional channel", NameZh = "虚构渠道", ReceiptSalt = new byte[16], ReceiptCost = "test", CreatedAt = now };
            db.Add(channel);
            var number = 0;
            GrievanceCase Case(SalientIssue? issue, CaseStatus status)
            {
                var grievance = new GrievanceCase { OrganizationId = org.Id, ChannelId = channel.Id, Number = ++number, Status = status, ReceivedOn = new DateOnly(Year, 4, 1), ClosedOn = status == CaseStatus.Closed ? new DateOnly(Year, 7, 1) : null, LookupId = [(byte)number, 7], ReporterEnvelope = [1], Report = [2], SalientIssueId = issue?.Id };
                db.Add(grievance);
                return grievance;
            }

            // Privacy: 6 closed (5 with an apology) and 2 open; expression: 1 closed; unlinked: 5 closed.
            foreach (var i in Enumerable.Range(0, 6))
            {
                var closed = Case(privacy, CaseStatus.Closed);
                if (i < 5)
                {
                    db.Add(new CaseRemedyOutcome { OrganizationId = org.Id, CaseId = closed.Id, Type = RemedyType.Apology, On = new DateOnly(Year, 7, 1), Description = [3] });
                }
            }

            Case(privacy, CaseStatus.Investigating);
            Case(privacy, CaseStatus.Acknowledged);
            Case(expression, CaseStatus.Closed);
            foreach (var _ in Enumerable.Range(0, 5))
            {
                Case(null, CaseStatus.Closed);
            }

            return await db.SaveChangesAsync();
        });
        return new Seeded(privacy, expression);
    }
}
