using Rightscope.Core.Hrdd;
using Rightscope.Core.Methodologies;
using Rightscope.Core.Organizations;
using Rightscope.Data;
using Rightscope.Features.Hrdd;

namespace Rightscope.Demo;

/// <summary>
/// The demo company's action plans, tracking indicators and stakeholder engagement log (DESIGN §7: fictional products
/// and organizations, marked so in both languages; the figures are illustrative demo values). The actions address the
/// salient issues added earlier in the same seeding, if any; when there are none, two fictional issues are added here so
/// the plans have something to address. Dates are relative to the seeding day: one action is always overdue and one
/// stakeholder organization is always engaged five times in the last twelve months, which the fatigue view flags.
/// </summary>
public static class DemoHrddTracking
{
    private const string Mark = " (fictional demo data · 虚构示例数据)";

    /// <summary>Adds the data to <paramref name="db"/> (not saved); a summary for the audit entry.</summary>
    public static string? Add(RightscopeDbContext db, Guid organizationId, OrganizationKind kind, Guid ownerId, Guid analystId, DateTime now)
    {
        if (kind != OrganizationKind.Company)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(now);
        var issues = db.SalientIssues.Local.Where(i => i.OrganizationId == organizationId).OrderByDescending(i => i.Scale + i.Scope + i.Irremediability).Take(2).ToList();
        var ownIssues = 0;
        if (issues.Count == 0)
        {
            issues =
            [
                Issue(organizationId, ownerId, now, "Privacy of users' location data in the Contoso Maps app · Contoso 地图应用用户位置数据的隐私", "privacy", Involvement.Cause),
                Issue(organizationId, ownerId, now, "Misuse of Contoso Vision face matching by reseller customers · 经销商客户滥用 Contoso Vision 人脸比对功能", "equality-non-discrimination", Involvement.DirectlyLinked),
            ];
            db.SalientIssues.AddRange(issues);
            ownIssues = issues.Count;
        }

        var privacy = issues[0].Id;
        var misuse = issues[^1].Id;
        var actions = new[]
        {
            Action(organizationId, ownerId, analystId, now, "Shorten location data retention to 30 days · 将位置数据保留期限缩短至 30 天", ActionKind.Prevention, ActionFunction.Engineering, today.AddMonths(-2), ActionStatus.Done, today.AddMonths(-3)),
            Action(organizationId, ownerId, analystId, now, "Publish a location data transparency notice · 发布位置数据透明度声明", ActionKind.Mitigation, ActionFunction.Policy, today.AddDays(-20), ActionStatus.InProgress, null),
            Action(organizationId, ownerId, analystId, now, "Require end-use clauses from Fabrikam Resellers · 要求 Fabrikam 经销商接受最终用途条款", ActionKind.Leverage, ActionFunction.Sales, today.AddMonths(3), ActionStatus.InProgress, null, "Fabrikam Resellers Ltd" + Mark),
            Action(organizationId, ownerId, analystId, now, "Screen face matching customers before sale · 销售前审查人脸比对客户", ActionKind.Prevention, ActionFunction.Legal, today.AddMonths(2), ActionStatus.Planned, null),
            Action(organizationId, ownerId, analystId, now, "Remedy for users whose location was disclosed · 为位置被泄露的用户提供补救", ActionKind.Remediation, ActionFunction.TrustAndSafety, today.AddMonths(1), ActionStatus.InProgress, null),
            Action(organizationId, ownerId, analystId, now, "Retire the legacy location export API · 停用旧版位置导出接口", ActionKind.Prevention, ActionFunction.Engineering, today.AddMonths(-6), ActionStatus.Cancelled, null),
        };
        db.DueDiligenceActions.AddRange(actions);
        foreach (var (action, issue) in new[] { (0, privacy), (1, privacy), (2, misuse), (3, misuse), (4, privacy), (5, privacy) })
        {
            db.DueDiligenceActionIssues.Add(new DueDiligenceActionIssue { OrganizationId = organizationId, ActionId = actions[action].Id, SalientIssueId = issue });
        }

        var retention = Indicator(organizationId, ownerId, now, "Days location data is kept · 位置数据保留天数", privacy, null, "days · 天", 90, 30, TrackingDirection.LowerIsBetter, today.AddMonths(-12), today.AddMonths(6));
        var screened = Indicator(organizationId, ownerId, now, "Share of face matching sales screened · 经过审查的人脸比对销售占比", misuse, null, "% ", 20, 100, TrackingDirection.HigherIsBetter, today.AddMonths(-12), today.AddMonths(9));
        var notice = new TrackingIndicator
        {
            OrganizationId = organizationId,
            ActionId = actions[1].Id,
            Name = "Users understand the transparency notice · 用户理解透明度声明",
            Kind = TrackingIndicatorKind.Qualitative,
            BaselineText = "No notice; users surprised by location sharing · 无声明；用户对位置共享感到意外",
            TargetText = "Most users in testing explain what is shared · 测试中多数用户能说明共享内容",
            BaselineOn = today.AddMonths(-10),
            TargetOn = today.AddMonths(4),
            CreatedByUserId = ownerId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.TrackingIndicators.AddRange(retention, screened, notice);
        Measure(db, retention, now, [(-11, 90), (-8, 75), (-5, 60), (-2, 35), (0, 30)]);
        Measure(db, screened, now, [(-11, 20), (-8, 35), (-6, 45), (-3, 60)]);
        foreach (var (months, words) in new[]
        {
            (-9, "Draft notice: testers could not find it · 草稿声明：测试者找不到声明"),
            (-6, "Notice in settings; half of testers understood it · 声明放在设置中；半数测试者理解"),
            (-3, "Notice at first use; most testers understood it · 首次使用时显示声明；多数测试者理解"),
            (-1, "Field test with fictional users' group: clear, asks for Chinese version · 与虚构用户团体实地测试：清晰，要求提供中文版"),
        })
        {
            db.TrackingMeasurements.Add(new TrackingMeasurement
            {
                OrganizationId = organizationId,
                IndicatorId = notice.Id,
                MeasuredOn = today.AddMonths(months),
                Assessment = words,
                Source = "Usability sessions" + Mark,
                RecordedByUserId = ownerId,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        const string Watch = "Digital Rights Watch" + Mark;
        var log = new (int Months, EngagementFormat Format, string[] Organizations, StakeholderType[] Types, StakeholderRegion Region, string? Country, string Topics, string Changed)[]
        {
            (-11, EngagementFormat.Consultation, [Watch, "Tenants' Union of Northtown" + Mark], [StakeholderType.CivilSociety, StakeholderType.AffectedPeople], StakeholderRegion.WesternEurope, "NL", "Location data retention · 位置数据保留", "Retention target set at 30 days instead of 60 · 保留目标定为 30 天而非 60 天"),
            (-9, EngagementFormat.Workshop, [Watch, "Coastal Defenders Network" + Mark], [StakeholderType.HumanRightsDefenders], StakeholderRegion.SouthEasternAsia, "PH", "Risks of location data to defenders · 位置数据对人权维护者的风险", "Defender accounts get location off by default · 人权维护者账户默认关闭位置功能"),
            (-7, EngagementFormat.Survey, ["Contoso Maps users' panel" + Mark], [StakeholderType.Users], StakeholderRegion.Global, null, "Understanding of the transparency notice · 对透明度声明的理解", "Notice moved to first use · 声明移至首次使用时显示"),
            (-6, EngagementFormat.Meeting, [Watch], [StakeholderType.CivilSociety], StakeholderRegion.SubSaharanAfrica, "KE", "Face matching sales to public authorities · 向公共机构销售人脸比对功能", "Screening made mandatory before any sale · 任何销售前必须审查"),
            (-5, EngagementFormat.FieldVisit, ["Reseller Workers' Association" + Mark], [StakeholderType.Workers], StakeholderRegion.LatinAmericaAndCaribbean, "BR", "Reseller staff training · 经销商员工培训", "Training added to the reseller contract · 培训写入经销商合同"),
            (-4, EngagementFormat.WrittenSubmission, [Watch, "Privacy Scholars Forum" + Mark], [StakeholderType.Experts, StakeholderType.CivilSociety], StakeholderRegion.NorthernAmerica, "US", "Draft human rights policy · 人权政策草案", "Policy names location data as a salient issue · 政策将位置数据列为突出人权问题"),
            (-2, EngagementFormat.Consultation, ["Privacy Scholars Forum" + Mark], [StakeholderType.Experts], StakeholderRegion.SouthernAsia, "IN", "Indicator design · 指标设计", "Share of screened sales added as an indicator · 新增已审查销售占比指标"),
            (-1, EngagementFormat.Meeting, [Watch], [StakeholderType.CivilSociety], StakeholderRegion.EasternEurope, "PL", "Progress review · 进展审查", "Follow-up on remedy for affected users · 跟进对受影响用户的补救"),
        };
        foreach (var entry in log)
        {
            var engagement = new StakeholderEngagement
            {
                OrganizationId = organizationId,
                HeldOn = today.AddMonths(entry.Months),
                Format = entry.Format,
                StakeholderTypes = string.Join(',', entry.Types.Order()),
                Region = entry.Region,
                CountryCode = entry.Country,
                GlobalSouth = StakeholderRegions.IsGlobalSouth(entry.Region, entry.Country),
                Topics = entry.Topics + Mark,
                DecisionsChanged = entry.Changed,
                FollowUps = entry.Months == -1 ? "Report back on remedy numbers · 反馈补救数字" : "",
                FollowUpDueOn = entry.Months == -1 ? today.AddMonths(1) : null,
                CreatedByUserId = analystId,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.StakeholderEngagements.Add(engagement);
            db.StakeholderEngagementParties.AddRange(entry.Organizations.Select((name, i) => new StakeholderEngagementParty
            {
                OrganizationId = organizationId,
                EngagementId = engagement.Id,
                Position = i,
                Name = name,
                NormalizedName = StakeholderNames.Normalize(name),
            }));
            db.StakeholderEngagementIssues.Add(new StakeholderEngagementIssue { OrganizationId = organizationId, EngagementId = engagement.Id, SalientIssueId = entry.Topics.Contains("Face", StringComparison.Ordinal) ? misuse : privacy });
        }

        return $"fictional action plans: {actions.Length} actions, 3 tracking indicators, {log.Length} stakeholder engagements"
            + (ownIssues > 0 ? $", {ownIssues} fictional salient issues" : "");
    }

    private static SalientIssue Issue(Guid organizationId, Guid ownerId, DateTime now, string title, string right, Involvement involvement) => new()
    {
        OrganizationId = organizationId,
        Title = title + Mark,
        RightKey = right,
        Involvement = involvement,
        Description = "Fictional demo issue · 虚构示例问题",
        Scale = 3,
        Scope = 2,
        Irremediability = 2,
        Likelihood = 3,
        Status = Rightscope.Features.Hrdd.SalientIssueStatus.Addressing,
        OwnerUserId = ownerId,
        CreatedByUserId = ownerId,
        CreatedAt = now,
        UpdatedAt = now,
    };

    private static DueDiligenceAction Action(
        Guid organizationId, Guid ownerId, Guid analystId, DateTime now, string title, ActionKind kind, ActionFunction function, DateOnly due, ActionStatus status, DateOnly? completed, string? relationship = null) => new()
        {
            OrganizationId = organizationId,
            Title = title,
            Description = "Fictional demo action" + Mark,
            Kind = kind,
            RelationshipName = relationship,
            OwnerUserId = analystId,
            Function = function,
            DueOn = due,
            Status = status,
            CompletedOn = completed,
            CreatedByUserId = ownerId,
            CreatedAt = now,
            UpdatedAt = now,
        };

    private static TrackingIndicator Indicator(
        Guid organizationId, Guid ownerId, DateTime now, string name, Guid issue, Guid? action, string unit, double baseline, double target, TrackingDirection direction, DateOnly baselineOn, DateOnly targetOn) => new()
        {
            OrganizationId = organizationId,
            SalientIssueId = issue,
            ActionId = action,
            Name = name,
            Kind = TrackingIndicatorKind.Quantitative,
            Unit = unit.Trim(),
            BaselineValue = baseline,
            BaselineOn = baselineOn,
            TargetValue = target,
            TargetOn = targetOn,
            Direction = direction,
            CreatedByUserId = ownerId,
            CreatedAt = now,
            UpdatedAt = now,
        };

    private static void Measure(RightscopeDbContext db, TrackingIndicator indicator, DateTime now, (int Months, double Value)[] values)
    {
        var today = DateOnly.FromDateTime(now);
        foreach (var (months, value) in values)
        {
            db.TrackingMeasurements.Add(new TrackingMeasurement
            {
                OrganizationId = indicator.OrganizationId,
                IndicatorId = indicator.Id,
                MeasuredOn = today.AddMonths(months),
                Value = value,
                Note = "Illustrative demo value · 示例演示数值",
                Source = "Internal data inventory" + Mark,
                RecordedByUserId = indicator.CreatedByUserId,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }
    }
}
