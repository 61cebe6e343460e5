using System.Globalization;
using Rightscope.Core.Hrdd;
using Rightscope.Core.HumanRightsReports;
using Rightscope.Core.Methodologies;
using Rightscope.Core.Remedy;
using Rightscope.Features.Hrdd;

namespace Rightscope.Features.HumanRightsReports;

/// <summary>
/// The names the report's facts give the due diligence and remedy records' values, in both languages at once because a
/// published snapshot keeps both; the wording follows the forms of Features/Hrdd and Features/Remedy.
/// </summary>
public static class DueDiligenceLabels
{
    public static Bilingual Of(CommitmentElement element) => element switch
    {
        CommitmentElement.SeniorApproval => new("(a) Approved at the most senior level", "（a）经最高一级批准"),
        CommitmentElement.InformedByExpertise => new("(b) Informed by relevant expertise", "（b）参考了相关专业知识"),
        CommitmentElement.StatesExpectations => new("(c) States expectations of personnel, business partners and others", "（c）明确对员工、商业伙伴和其他各方的期望"),
        CommitmentElement.PubliclyAvailable => new("(d) Publicly available and communicated", "（d）公开并进行了通报"),
        CommitmentElement.Embedded => new("(e) Reflected in operational policies and procedures", "（e）体现在业务政策和程序中"),
        _ => Bilingual.Same(element.ToString()),
    };

    public static Bilingual Of(CommitmentElementStatus status) => status switch
    {
        CommitmentElementStatus.NotStarted => new("not started", "尚未开始"),
        CommitmentElementStatus.InProgress => new("in progress", "进行中"),
        CommitmentElementStatus.Met => new("met", "已满足"),
        _ => Bilingual.Same(status.ToString()),
    };

    public static Bilingual Of(SubjectKind kind) => kind switch
    {
        SubjectKind.Company => new("whole company", "整个公司"),
        SubjectKind.Product => new("product", "产品"),
        SubjectKind.Service => new("service", "服务"),
        SubjectKind.Market => new("market", "市场"),
        _ => Bilingual.Same(kind.ToString()),
    };

    public static Bilingual Of(HriaTrigger trigger) => trigger switch
    {
        HriaTrigger.NewActivityOrRelationship => new("new activity or business relationship", "新的活动或商业关系"),
        HriaTrigger.MajorDecisionOrChange => new("major decision or change in the operation", "重大决定或业务变化"),
        HriaTrigger.OperatingEnvironmentChange => new("change in the operating environment", "经营环境的变化"),
        HriaTrigger.PeriodicReview => new("periodic review", "定期审查"),
        _ => Bilingual.Same(trigger.ToString()),
    };

    public static Bilingual Of(LifecycleStage stage) => stage switch
    {
        LifecycleStage.Design => new("design", "设计"),
        LifecycleStage.Development => new("development", "开发"),
        LifecycleStage.Sale => new("sale", "销售"),
        LifecycleStage.Deployment => new("deployment", "部署"),
        LifecycleStage.Use => new("use", "使用"),
        _ => Bilingual.Same(stage.ToString()),
    };

    public static Bilingual Of(HriaStatus status) => status switch
    {
        HriaStatus.Planned => new("planned", "计划中"),
        HriaStatus.InProgress => new("in progress", "进行中"),
        HriaStatus.Completed => new("completed", "已完成"),
        _ => Bilingual.Same(status.ToString()),
    };

    public static Bilingual Of(StakeholderType type) => type switch
    {
        StakeholderType.AffectedPeople => new("affected people", "受影响者"),
        StakeholderType.HumanRightsDefenders => new("human rights defenders", "人权维护者"),
        StakeholderType.CivilSociety => new("civil society", "民间社会"),
        StakeholderType.Experts => new("experts", "专家"),
        StakeholderType.Workers => new("workers", "工人"),
        StakeholderType.Users => new("users", "用户"),
        _ => Bilingual.Same(type.ToString()),
    };

    public static Bilingual Of(EngagementFormat format) => format switch
    {
        EngagementFormat.Meeting => new("meeting", "会议"),
        EngagementFormat.Consultation => new("consultation", "磋商"),
        EngagementFormat.Survey => new("survey", "调查"),
        EngagementFormat.Workshop => new("workshop", "研讨会"),
        EngagementFormat.FieldVisit => new("field visit", "实地访问"),
        EngagementFormat.WrittenSubmission => new("written submission", "书面意见"),
        EngagementFormat.Other => new("other", "其他"),
        _ => Bilingual.Same(format.ToString()),
    };

    public static Bilingual Of(ActionKind kind) => kind switch
    {
        ActionKind.Prevention => new("prevention", "预防"),
        ActionKind.Mitigation => new("mitigation", "减轻"),
        ActionKind.Remediation => new("remediation", "补救"),
        ActionKind.Leverage => new("leverage on a business relationship", "对业务关系运用影响力"),
        _ => Bilingual.Same(kind.ToString()),
    };

    public static Bilingual Of(ActionStatus status) => status switch
    {
        ActionStatus.Planned => new("planned", "已计划"),
        ActionStatus.InProgress => new("in progress", "进行中"),
        ActionStatus.Done => new("done", "已完成"),
        ActionStatus.Cancelled => new("cancelled", "已取消"),
        _ => Bilingual.Same(status.ToString()),
    };

    public static Bilingual Of(ActionFunction function, string? other) => function switch
    {
        ActionFunction.Engineering => new("engineering", "工程"),
        ActionFunction.Product => new("product", "产品"),
        ActionFunction.Policy => new("policy", "政策"),
        ActionFunction.Legal => new("legal", "法务"),
        ActionFunction.Sales => new("sales", "销售"),
        ActionFunction.Procurement => new("procurement", "采购"),
        ActionFunction.HumanResources => new("human resources", "人力资源"),
        ActionFunction.TrustAndSafety => new("trust and safety", "信任与安全"),
        ActionFunction.Other => other is { Length: > 0 } name ? Bilingual.Same(name) : new("other", "其他"),
        _ => Bilingual.Same(function.ToString()),
    };

    public static Bilingual Of(ProgressState state) => state switch
    {
        ProgressState.WorseThanBaseline => new("worse than the baseline", "差于基线"),
        ProgressState.Underway => new("under way", "正在推进"),
        ProgressState.Reached => new("target reached", "已达到目标"),
        ProgressState.Exceeded => new("beyond the target", "超出目标"),
        _ => Bilingual.Same(state.ToString()),
    };

    public static Bilingual Of(RemedyType type) => type switch
    {
        RemedyType.Apology => new("apology", "道歉"),
        RemedyType.Restitution => new("restitution", "恢复原状"),
        RemedyType.Compensation => new("financial compensation", "经济补偿"),
        RemedyType.Rehabilitation => new("rehabilitation", "康复"),
        RemedyType.ProductOrPolicyChange => new("product or policy change", "产品或政策变更"),
        RemedyType.GuaranteeOfNonRepetition => new("guarantees of non-repetition", "保证不再发生"),
        RemedyType.NonFinancialCompensation => new("non-financial compensation", "非经济补偿"),
        RemedyType.PunitiveSanctions => new("punitive sanctions", "惩罚性制裁"),
        RemedyType.InjunctionAndCessation => new("prevention of harm through injunctions or cessation", "通过禁令或停止侵害防止损害"),
        _ => Bilingual.Same(type.ToString()),
    };

    /// <summary>A day as ISO 8601, the same in both languages; a dash when there is none.</summary>
    public static Bilingual Day(DateOnly? day) =>
        Bilingual.Same(day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—");

    public static Bilingual Number(int value) => Bilingual.Same(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>The last day a report on <paramref name="year"/> speaks for: the year's end, or today while the year runs.</summary>
    public static DateOnly AsOf(int year, DateOnly today)
    {
        var end = new DateOnly(year, 12, 31);
        return today < end ? today : end;
    }
}
