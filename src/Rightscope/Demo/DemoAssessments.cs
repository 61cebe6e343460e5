using System.Globalization;
using System.Text.Json;
using Rightscope.Core.Assessments;
using Rightscope.Core.Methodologies;
using Rightscope.Core.Methodologies.Loading;
using Rightscope.Core.Organizations;
using Rightscope.Data;
using Rightscope.Features.Assessments;

namespace Rightscope.Demo;

/// <summary>
/// The approved demo assessments added with each demo organization (DESIGN §7, issue 3). Every subject is a
/// fictional company or product whose name says so in English and Chinese; no real company gets answers. The
/// answers follow fixed patterns (no randomness), so the scores and tiers are the same on every run; the
/// totals and tiers are cached from the real scoring engine.
/// </summary>
/// <remarks>
/// The companies named in seed 001 (NSO Group, Gamma Group, Alphabet, Amazon, Sandvine) are deliberately left
/// out: an assessment of them would need answers backed by cited sources, which the demo does not have.
/// </remarks>
public static class DemoAssessments
{
    public const string FictionalMarkEnglish = "(fictional)";
    public const string FictionalMarkChinese = "虚构";
    public const string EvidencePublisher = "Rightscope demo";

    private const string AnswerNote = "Fictional demo answer · 虚构的示例答案";

    /// <summary>A fictional evidence item attached to one item of a demo assessment.</summary>
    public sealed record DemoEvidence(string ItemKey, EvidenceSourceKind SourceKind, string Title, string Url);

    /// <summary>A fictional salient impact; a null likelihood marks an actual impact.</summary>
    public sealed record DemoImpact(
        string Right,
        string[] Groups,
        Involvement Involvement,
        string Description,
        int Scale,
        int Scope,
        int Irremediability,
        int? Likelihood);

    /// <summary>
    /// One demo assessment. <paramref name="Pattern"/> is cycled over the answers in file order: G good, M middle,
    /// B bad (resolved from each item's answer set; reversed items count "good" as the low-risk option). Reversed
    /// items are always answered good unless <paramref name="Overrides"/> names them.
    /// </summary>
    public sealed record DemoSubject(
        string MethodologyKey,
        SubjectKind Kind,
        string Name,
        IReadOnlyDictionary<string, string> Attributes,
        IReadOnlyList<string> Services,
        string Pattern,
        IReadOnlyDictionary<string, string> Overrides,
        IReadOnlyList<DemoEvidence> Evidence,
        IReadOnlyList<DemoImpact>? Impacts = null);

    public static IReadOnlyList<DemoSubject> For(OrganizationKind kind) => kind switch
    {
        OrganizationKind.Investor => Investor,
        OrganizationKind.Company => Company,
        OrganizationKind.CivilSociety => CivilSociety,
        _ => [],
    };

    // Tier 1, 2 and 3 under surveillance-investor; exposure types 1, 2 and 3 (DemoTests asserts the tiers).
    private static readonly IReadOnlyList<DemoSubject> Investor =
    [
        new(
            "surveillance-investor",
            SubjectKind.Company,
            "Northwind Surveillance Systems (fictional) · 北风监控系统公司（虚构）",
            new Dictionary<string, string> { ["exposure-type"] = "1", ["targeted-intrusion"] = "no" },
            [],
            "GGGGGGM",
            new Dictionary<string, string>(),
            [
                new(
                    "customer-due-diligence",
                    EvidenceSourceKind.CompanyDisclosure,
                    "Fictional example report: Northwind customer screening procedure · 虚构示例报告：北风公司客户审查程序",
                    "https://example.org/rightscope-demo/northwind-customer-screening"),
            ]),
        new(
            "surveillance-investor",
            SubjectKind.Company,
            "Contoso Smart City Analytics (fictional) · 康拓智慧城市分析公司（虚构）",
            new Dictionary<string, string> { ["exposure-type"] = "2", ["targeted-intrusion"] = "no" },
            [],
            "GMBGM",
            new Dictionary<string, string>(),
            []),
        new(
            "surveillance-investor",
            SubjectKind.Company,
            "Fabrikam Network Inspection (fictional) · 法布里肯网络检测公司（虚构）",
            new Dictionary<string, string> { ["exposure-type"] = "3", ["targeted-intrusion"] = "no" },
            [],
            "GMMB",
            // Red flag "known misuse without response": floor 3.
            new Dictionary<string, string> { ["credible-misuse-reports"] = "yes", ["misuse-response"] = "no" },
            [
                new(
                    "credible-misuse-reports",
                    EvidenceSourceKind.NgoReport,
                    "Fictional example report: misuse of Fabrikam inspection equipment · 虚构示例报告：法布里肯检测设备遭滥用",
                    "https://example.org/rightscope-demo/fabrikam-misuse-report"),
            ]),
    ];

    private static readonly IReadOnlyList<DemoSubject> Company =
    [
        new(
            "ungp-hria",
            SubjectKind.Product,
            "Tailspin Visitor Recognition Camera (fictional) · 尾旋访客识别摄像头（虚构）",
            new Dictionary<string, string> { ["lifecycle-stage"] = "development" },
            [],
            "GGMGGMB",
            new Dictionary<string, string>(),
            [
                new(
                    "affected-stakeholders-consulted",
                    EvidenceSourceKind.OwnAnalysis,
                    "Fictional example report: Tailspin stakeholder consultation notes · 虚构示例报告：尾旋利益相关方咨询记录",
                    "https://example.org/rightscope-demo/tailspin-consultation"),
            ],
            // Severity 5 but remediable: the severity floor of 4 or more holds the tier at 2 at best.
            [
                new(
                    "privacy",
                    ["general-public", "users"],
                    Involvement.Cause,
                    "Fictional: visitors' faces are matched against a watch list without their knowledge. · 虚构：在访客不知情的情况下将其面部与监视名单比对。",
                    Scale: 3,
                    Scope: 4,
                    Irremediability: 3,
                    Likelihood: 4),
                new(
                    "equality-non-discrimination",
                    ["ethnic-religious-linguistic-minorities", "women-and-girls"],
                    Involvement.Cause,
                    "Fictional: higher false-match rates for darker-skinned women lead to wrongful stops. · 虚构：对深肤色女性的误匹配率较高，导致错误拦截。",
                    Scale: 4,
                    Scope: 3,
                    Irremediability: 3,
                    Likelihood: 3),
                new(
                    "peaceful-assembly",
                    ["protesters", "human-rights-defenders"],
                    Involvement.DirectlyLinked,
                    "Fictional: a customer could use the cameras to identify people at demonstrations. · 虚构：客户可能利用摄像头识别示威活动的参与者。",
                    Scale: 5,
                    Scope: 2,
                    Irremediability: 3,
                    Likelihood: 2),
            ]),
    ];

    private static readonly IReadOnlyList<DemoSubject> CivilSociety =
    [
        new(
            "digital-rights-benchmark",
            SubjectKind.Company,
            "Litware Messaging Group (fictional) · 利特威通讯集团（虚构）",
            new Dictionary<string, string>(),
            ["litware-chat", "litware-cloud-drive"],
            "GMGBMG",
            new Dictionary<string, string>(),
            [
                new(
                    "g1-privacy",
                    EvidenceSourceKind.CompanyDisclosure,
                    "Fictional example report: Litware privacy commitment · 虚构示例报告：利特威隐私承诺",
                    "https://example.org/rightscope-demo/litware-privacy-commitment"),
            ]),
    ];

    /// <summary>
    /// Adds the approved demo assessments of an organization of <paramref name="kind"/> to <paramref name="db"/>
    /// (not saved) and returns one line per assessment for the audit summary.
    /// </summary>
    public static IReadOnlyList<string> Add(
        RightscopeDbContext db,
        Catalog catalog,
        Guid organizationId,
        OrganizationKind kind,
        Guid analystId,
        Guid reviewerId,
        DateTime now)
    {
        var lines = new List<string>();
        foreach (var subject in For(kind))
        {
            var methodology = catalog.Find(subject.MethodologyKey)
                ?? throw new InvalidOperationException($"The demo needs the methodology {subject.MethodologyKey}, which is not in the catalog.");
            var assessment = new Assessment
            {
                OrganizationId = organizationId,
                SubjectKind = subject.Kind,
                SubjectName = subject.Name,
                Attributes = JsonSerializer.Serialize(subject.Attributes),
                Services = JsonSerializer.Serialize(subject.Services),
                MethodologyKey = methodology.Key,
                MethodologyVersion = methodology.Version,
                AuthorUserId = analystId,
                CreatedAt = now,
                UpdatedAt = now,
                SubmittedAt = now,
            };

            var answers = Answers(methodology, subject)
                .Select(a => new AssessmentAnswer
                {
                    OrganizationId = organizationId,
                    AssessmentId = assessment.Id,
                    ItemKey = a.Item,
                    Component = a.Component,
                    OptionKey = a.Option,
                    Note = AnswerNote,
                    AnsweredByUserId = analystId,
                    AnsweredAt = now,
                })
                .ToList();
            var evidence = subject.Evidence
                .Select(e => new Evidence
                {
                    OrganizationId = organizationId,
                    AssessmentId = assessment.Id,
                    ItemKey = e.ItemKey,
                    SourceKind = e.SourceKind,
                    Title = e.Title,
                    Publisher = EvidencePublisher,
                    Url = e.Url,
                    Excerpt = "Invented for the Rightscope demo; describes no real company. · 为 Rightscope 演示而虚构，不涉及任何真实公司。",
                    Reliability = EvidenceReliability.Medium,
                    AddedByUserId = analystId,
                    AddedAt = now,
                })
                .ToList();

            var impacts = (subject.Impacts ?? [])
                .Select(i => new SalientImpact
                {
                    OrganizationId = organizationId,
                    AssessmentId = assessment.Id,
                    RightKey = i.Right,
                    Groups = JsonSerializer.Serialize(i.Groups),
                    Involvement = i.Involvement,
                    Description = i.Description,
                    Actual = i.Likelihood is null,
                    Scale = i.Scale,
                    Scope = i.Scope,
                    Irremediability = i.Irremediability,
                    Likelihood = i.Likelihood,
                    RecordedByUserId = analystId,
                    RecordedAt = now,
                    UpdatedAt = now,
                })
                .ToList();

            // Draft → in review (analyst) → approved (reviewer): the same workflow the pages use, four eyes.
            var approved = AssessmentWorkflow.Approve(AssessmentWorkflow.Submit(AssessmentStatus.Draft).Status, analystId, reviewerId);
            if (!approved.Succeeded)
            {
                throw new InvalidOperationException($"The demo assessment of {subject.Name} could not be approved: {approved.Failure}.");
            }

            var result = AssessmentStore.Score(methodology, assessment, answers, evidence, impacts);
            (assessment.Total, assessment.Tier) = (result.Total, result.Tier);
            (assessment.Status, assessment.ApprovedByUserId, assessment.ApprovedAt) = (approved.Status, reviewerId, now);
            assessment.NextReviewOn = DateOnly.FromDateTime(now).AddYears(1);

            db.Assessments.Add(assessment);
            db.AssessmentAnswers.AddRange(answers);
            db.Evidence.AddRange(evidence);
            db.SalientImpacts.AddRange(impacts);

            var total = result.Total?.ToString("0.##", CultureInfo.InvariantCulture) ?? "none";
            var tier = result.Tier is { } t ? $", tier {t.ToString(CultureInfo.InvariantCulture)}" : "";
            lines.Add($"{methodology.Id} {subject.Name}: approved (total {total}{tier})");
        }

        return lines;
    }

    /// <summary>The answers of <paramref name="subject"/>: one per item and component, in file order.</summary>
    public static IReadOnlyList<(string Item, string Component, string Option)> Answers(Methodology methodology, DemoSubject subject)
    {
        var answers = new List<(string, string, string)>();
        var index = 0;
        foreach (var section in methodology.Structure)
        {
            foreach (var group in AssessmentStore.Groups(methodology, section, subject.Services))
            {
                foreach (var row in group.Items)
                {
                    foreach (var component in row.Components)
                    {
                        var option = subject.Overrides.TryGetValue(row.Item.Key, out var chosen)
                            ? chosen
                            : Resolve(row.AnswerSet, row.Item.Reversed, row.Item.Reversed ? 'G' : subject.Pattern[index % subject.Pattern.Length]);
                        answers.Add((row.Item.Key, component, option));
                        index++;
                    }
                }
            }
        }

        return answers;
    }

    private static string Resolve(AnswerSet set, bool reversed, char grade)
    {
        var scored = set.Options.Where(o => !o.IsExcluded).ToList();
        var best = reversed ? scored.MinBy(o => o.Score)! : scored.MaxBy(o => o.Score)!;
        var worst = reversed ? scored.MaxBy(o => o.Score)! : scored.MinBy(o => o.Score)!;
        return grade switch
        {
            'G' => best.Key,
            'B' => worst.Key,
            _ => (scored.FirstOrDefault(o => o.Score is > 0 and < 100) ?? best).Key,
        };
    }
}
