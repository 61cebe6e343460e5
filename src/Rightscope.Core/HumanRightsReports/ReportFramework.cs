namespace Rightscope.Core.HumanRightsReports;

/// <summary>The three parts of the UN Guiding Principles Reporting Framework.</summary>
public enum ReportPart
{
    /// <summary>Governance of respect for human rights.</summary>
    A,

    /// <summary>Defining the focus of reporting.</summary>
    B,

    /// <summary>Management of salient human rights issues, once for each salient issue.</summary>
    C,
}

/// <summary>
/// One section of the framework: its key (<c>A1</c> … <c>C6</c>), whether it is answered once for each salient issue
/// (part C) and whether a report may be approved without it (<see cref="Required"/>), with its title and the guidance
/// question in our own words in both languages.
/// </summary>
public sealed record ReportSection(string Key, ReportPart Part, bool PerIssue, bool Required, Bilingual Title, Bilingual Guidance);

/// <summary>
/// The structure of the UNGP Reporting Framework (Shift and Mazars, 2015) as Rightscope uses it, in report order.
/// <para>
/// Required sections: the framework's minimum for reporting "in line with" it is to answer the overarching questions
/// of part A, the information requirements of part B and the questions of part C for the salient issues reported. We
/// require A1, A2, B1, B2 and, for every salient issue in the report, C1 to C6. B3 (focal geographies) and B4 (other
/// severe impacts) are optional: the framework asks for them only when reporting focuses on particular geographies or
/// when severe impacts outside the salient issues occurred, and an empty section is then the honest answer.
/// </para>
/// </summary>
public static class ReportFramework
{
    public static readonly IReadOnlyList<ReportSection> Sections =
    [
        new("A1", ReportPart.A, PerIssue: false, Required: true,
            new("A1. Policy commitment", "A1. 政策承诺"),
            new("What does the company say publicly about its commitment to respect human rights, how was that commitment developed, and whose human rights does it cover?",
                "公司公开就其尊重人权的承诺说了什么？这一承诺是如何形成的？它涵盖哪些人的人权？")),
        new("A2", ReportPart.A, PerIssue: false, Required: true,
            new("A2. Embedding respect for human rights", "A2. 将尊重人权融入经营"),
            new("How does the company make its commitment real in daily work: who is responsible at senior level, how are staff trained and held to account, and how do business relationships hear about it?",
                "公司如何在日常工作中落实这一承诺：由哪一高级别人员负责，如何培训员工并追究责任，又如何将其传达给商业关系方？")),
        new("B1", ReportPart.B, PerIssue: false, Required: true,
            new("B1. Statement of salient issues", "B1. 突出人权问题声明"),
            new("Which human rights are most at risk of severe negative impact through the company's activities or business relationships during the reporting period?",
                "在报告期内，哪些人权因公司的活动或商业关系而面临最严重的负面影响风险？")),
        new("B2", ReportPart.B, PerIssue: false, Required: true,
            new("B2. Determination of salient issues", "B2. 突出人权问题的确定"),
            new("How were the salient issues identified, including whose views were sought and how severity and likelihood were judged?",
                "突出人权问题是如何确定的？征求了哪些人的意见？严重程度和可能性是如何判断的？")),
        new("B3", ReportPart.B, PerIssue: false, Required: false,
            new("B3. Choice of focal geographies", "B3. 重点地域的选择"),
            new("If the report concentrates on particular countries or regions, which ones and why?",
                "如果报告侧重于特定国家或地区，是哪些国家或地区？为什么？")),
        new("B4", ReportPart.B, PerIssue: false, Required: false,
            new("B4. Additional severe impacts", "B4. 其他严重影响"),
            new("Were there severe impacts during the period that fall outside the salient issues, and how were they addressed?",
                "报告期内是否发生了突出人权问题之外的严重影响？公司是如何处理的？")),
        new("C1", ReportPart.C, PerIssue: true, Required: true,
            new("C1. Specific policies", "C1. 具体政策"),
            new("Which policies address this issue, and how are they made known to those who need to apply them?",
                "哪些政策针对这一问题？如何让需要执行这些政策的人知晓？")),
        new("C2", ReportPart.C, PerIssue: true, Required: true,
            new("C2. Stakeholder engagement", "C2. 利益攸关方参与"),
            new("Which affected stakeholders and their representatives did the company engage on this issue, how, and what changed as a result?",
                "公司就这一问题与哪些受影响的利益攸关方及其代表进行了沟通？如何沟通？结果有何改变？")),
        new("C3", ReportPart.C, PerIssue: true, Required: true,
            new("C3. Assessing impacts", "C3. 评估影响"),
            new("How does the company find out when the nature of this issue changes, and what patterns or trends did it see during the period?",
                "公司如何察觉这一问题性质的变化？报告期内观察到了哪些模式或趋势？")),
        new("C4", ReportPart.C, PerIssue: true, Required: true,
            new("C4. Integrating findings and taking action", "C4. 整合评估结果并采取行动"),
            new("How are the findings built into decisions and processes, and what did the company do to prevent or mitigate impacts on this issue?",
                "评估结果如何纳入决策和流程？公司为预防或减轻这一问题的影响采取了哪些行动？")),
        new("C5", ReportPart.C, PerIssue: true, Required: true,
            new("C5. Tracking performance", "C5. 跟踪成效"),
            new("How does the company know whether its efforts on this issue work, and what did the indicators show?",
                "公司如何了解其在这一问题上的努力是否有效？指标显示了什么？")),
        new("C6", ReportPart.C, PerIssue: true, Required: true,
            new("C6. Remediation", "C6. 补救"),
            new("How does the company enable remedy where people are harmed on this issue, and what do the grievance figures and outcomes show?",
                "在人们因这一问题受到损害时，公司如何提供补救？申诉数据和结果显示了什么？")),
    ];

    public static ReportSection? Find(string? key) =>
        key is null ? null : Sections.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase));

    public static Bilingual PartTitle(ReportPart part) => part switch
    {
        ReportPart.A => new("Part A — Governance of respect for human rights", "A 部分 — 尊重人权的治理"),
        ReportPart.B => new("Part B — Defining the focus of reporting", "B 部分 — 确定报告重点"),
        ReportPart.C => new("Part C — Management of salient human rights issues", "C 部分 — 突出人权问题的管理"),
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };

    /// <summary>
    /// Every place a narrative belongs in a report on <paramref name="issueIds"/>, in report order: part A and B
    /// sections once, then for each issue in turn its six part C sections.
    /// </summary>
    public static IReadOnlyList<SectionRef> Places(IEnumerable<string> issueIds)
    {
        var places = Sections.Where(s => !s.PerIssue).Select(s => new SectionRef(s.Key, null)).ToList();
        foreach (var issue in issueIds)
        {
            places.AddRange(Sections.Where(s => s.PerIssue).Select(s => new SectionRef(s.Key, issue)));
        }

        return places;
    }
}

/// <summary>A section of one report: a part A or B section, or a part C section about one salient issue.</summary>
public readonly record struct SectionRef(string Section, string? IssueId)
{
    /// <summary>The key a narrative is stored under: <c>A1</c>, or <c>C1/{issue id}</c>.</summary>
    public string Key => IssueId is null ? Section : $"{Section}/{IssueId}";

    public ReportSection Definition => ReportFramework.Find(Section) ?? throw new InvalidOperationException($"no section {Section}");
}
