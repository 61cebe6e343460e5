using System.Text.Json;
using Rightscope.Core.Assessments;
using Rightscope.Core.Benchmark;
using Rightscope.Core.Methodologies;
using Rightscope.Core.Methodologies.Loading;
using Rightscope.Core.Organizations;
using Rightscope.Core.Scoring;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Benchmark;
using Rightscope.Features.Companies;
using Rightscope.Features.Organizations;

namespace Rightscope.Demo;

/// <summary>
/// The demo civil society organization's public benchmark (issue 7): two published editions (2025 and 2026) of the
/// digital-rights-benchmark methodology over eight FICTIONAL companies, each named as fictional in English and Chinese,
/// with services, a few right-of-reply texts, and changes between the years. Answers come from a fixed-seed generator,
/// so every run produces the same editions; they describe no real company.
/// </summary>
public static class DemoBenchmark
{
    private sealed record DemoCompany(string En, string Zh, string[] Services, double Quality2025, double Quality2026);

    private static readonly DemoCompany[] Companies =
    [
        new("Northwind Social", "北风社交", ["Northwind Feed", "Northwind Chat"], 0.72, 0.78),
        new("Tailspin Search", "尾旋搜索", ["Tailspin Web Search"], 0.64, 0.58),
        new("Fabrikam Telecom", "法布里卡姆电信", ["Fabrikam Mobile", "Fabrikam Broadband"], 0.50, 0.63),
        new("Contoso Cloud", "康托索云", ["Contoso Mail"], 0.46, 0.49),
        new("Woodgrove Messaging", "伍德格罗夫通讯", ["Woodgrove Messenger"], 0.40, 0.33),
        new("Adatum Video", "阿达图姆视频", ["Adatum Streams", "Adatum Shorts"], 0.30, 0.44),
        new("Proseware Maps", "普罗斯威尔地图", ["Proseware Navigator"], 0.24, 0.25),
        new("Wingtip Payments", "翼尖支付", ["Wingtip Wallet"], 0.14, 0.22),
    ];

    private sealed record DemoReply(int Company, ReplyDecision Decision, string? Text);

    private static readonly DemoReply[] Replies2025 =
    [
        new(1, ReplyDecision.Replied, "Fictional demo reply: we will publish our first transparency report next year. · 虚构的示例答复：我们将于明年发布第一份透明度报告。"),
        new(4, ReplyDecision.Declined, null),
    ];

    private static readonly DemoReply[] Replies2026 =
    [
        new(0, ReplyDecision.Replied, "Fictional demo reply: our appeals data now covers every service. · 虚构的示例答复：我们的申诉数据现已涵盖所有服务。"),
        new(2, ReplyDecision.Replied, "Fictional demo reply: the new human rights policy was approved by our board. · 虚构的示例答复：新的人权政策已获董事会批准。"),
        new(4, ReplyDecision.Replied, "Fictional demo reply: we disagree with the score on encryption. · 虚构的示例答复：我们不同意加密方面的评分。"),
        new(6, ReplyDecision.Declined, null),
    ];

    /// <summary>Adds the companies, the approved assessments and the two published editions for a civil society organization.</summary>
    public static void Add(RightscopeDbContext db, Catalog catalog, Organization organization, Guid analystId, Guid reviewerId, DateTime now)
    {
        if (organization.Kind != OrganizationKind.CivilSociety || catalog.Find("digital-rights-benchmark", "1.0.0") is not { } methodology)
        {
            return;
        }

        var companies = Companies.Select(c =>
        {
            var company = new Company
            {
                OrganizationId = organization.Id,
                NameEn = $"{c.En} {DemoAssessments.FictionalMarkEnglish}",
                NameZhHans = $"{c.Zh}（{DemoAssessments.FictionalMarkChinese}）",
                Sector = "Technology (fictional demo) · 技术（虚构示例）",
                Fictional = true,
                CreatedAt = now,
                UpdatedAt = now,
            };
            CompanyCommands.SetNormalizedNames(company);
            db.Companies.Add(company);
            return company;
        }).ToList();

        var first = AddEdition(db, methodology, organization, companies, 2025, analystId, reviewerId, Replies2025, null);
        AddEdition(db, methodology, organization, companies, 2026, analystId, reviewerId, Replies2026, first);
    }

    private static PublishedEdition AddEdition(
        RightscopeDbContext db, Methodology methodology, Organization organization, List<Company> companies, int year,
        Guid analystId, Guid reviewerId, DemoReply[] replies, PublishedEdition? previous)
    {
        var importedAt = new DateTime(year, 2, 1, 9, 0, 0, DateTimeKind.Utc);
        var approvedAt = new DateTime(year, 2, 8, 9, 0, 0, DateTimeKind.Utc);
        var publishedAt = new DateTime(year, 5, 15, 9, 0, 0, DateTimeKind.Utc);
        var name = $"Digital rights benchmark {year} (fictional demo) · 数字权利基准 {year}（虚构示例）";
        var edition = new BenchmarkEdition
        {
            OrganizationId = organization.Id,
            Name = name,
            Slug = BenchmarkEditions.Slugify($"Digital rights benchmark {year} fictional demo", "edition"),
            Year = year,
            MethodologyKey = methodology.Key,
            MethodologyVersion = methodology.Version,
            Level = "element",
            Status = EditionStatus.Published,
            ImportedByUserId = analystId,
            ImportedAt = importedAt,
            SourceFile = "demo",
            ApprovedByUserId = reviewerId,
            ApprovedAt = approvedAt,
            ReplyOpensOn = new DateOnly(year, 3, 1),
            ReplyClosesOn = new DateOnly(year, 3, 31),
            PublishedAt = publishedAt,
        };
        db.BenchmarkEditions.Add(edition);

        var scored = new List<ScoredEntry>();
        for (var i = 0; i < companies.Count; i++)
        {
            var demo = Companies[i];
            var company = companies[i];
            var displayName = $"{company.NameEn} · {company.NameZhHans}";
            IReadOnlyList<string> services = [.. demo.Services.Select(s => $"{s} {DemoAssessments.FictionalMarkEnglish}")];
            var answers = Answers(methodology, services, year == 2025 ? demo.Quality2025 : demo.Quality2026, (i * 7919) + year);
            var result = ScoringEngine.Score(methodology, new AssessmentInput(new Dictionary<string, string>(), services, answers, []));
            var assessment = new Assessment
            {
                OrganizationId = organization.Id,
                SubjectKind = SubjectKind.Company,
                SubjectName = displayName,
                CompanyId = company.Id,
                Services = JsonSerializer.Serialize(services),
                MethodologyKey = methodology.Key,
                MethodologyVersion = methodology.Version,
                Status = AssessmentStatus.Approved,
                AuthorUserId = analystId,
                SubmittedAt = importedAt,
                ApprovedByUserId = reviewerId,
                ApprovedAt = approvedAt,
                CreatedAt = importedAt,
                UpdatedAt = approvedAt,
                Total = result.Total,
                Tier = result.Tier,
            };
            db.Assessments.Add(assessment);
            db.AssessmentAnswers.AddRange(answers.Select(a => new AssessmentAnswer
            {
                OrganizationId = organization.Id,
                AssessmentId = assessment.Id,
                ItemKey = a.Item,
                Component = a.Component,
                OptionKey = a.Option,
                AnsweredByUserId = analystId,
                AnsweredAt = importedAt,
            }));
            var evidence = new Evidence
            {
                OrganizationId = organization.Id,
                AssessmentId = assessment.Id,
                ItemKey = "g1-expression",
                SourceKind = EvidenceSourceKind.CompanyDisclosure,
                Title = $"Fictional example report: {demo.En} human rights policy · 虚构示例报告：{demo.Zh}人权政策",
                Publisher = DemoAssessments.EvidencePublisher,
                Url = $"https://example.org/fictional/{BenchmarkEditions.Slugify(demo.En, "company")}/human-rights-policy",
                Reliability = EvidenceReliability.High,
                AddedByUserId = analystId,
                AddedAt = importedAt,
            };
            db.Evidence.Add(evidence);

            var reply = replies.FirstOrDefault(r => r.Company == i);
            var entry = new BenchmarkEntry
            {
                OrganizationId = organization.Id,
                EditionId = edition.Id,
                AssessmentId = assessment.Id,
                CompanyId = company.Id,
                CompanyName = displayName,
                CompanySlug = BenchmarkEditions.Slugify(displayName, "company"),
                Reply = reply?.Decision ?? ReplyDecision.Pending,
                ReplyText = reply?.Text,
                ReplyReceivedOn = reply?.Decision == ReplyDecision.Replied ? new DateOnly(year, 3, 20) : null,
            };
            db.BenchmarkEntries.Add(entry);
            var id = evidence.Id.ToString("N");
            scored.Add(new ScoredEntry(entry, services, result,
                new Dictionary<string, PublishedEvidence> { [id] = new(evidence.Title, evidence.Url) },
                new Dictionary<string, IReadOnlyList<string>> { ["g1-expression"] = [id] }));
        }

        var snapshot = PublishedEditionBuilder.Build(organization.Name, organization.Slug, edition, methodology, DateOnly.FromDateTime(publishedAt), scored, previous);
        (edition.Snapshot, edition.ContentHash) = (snapshot.ToJson(), snapshot.ContentHash);
        return snapshot;
    }

    /// <summary>Every element for every component it applies to, good with probability <paramref name="quality"/>.</summary>
    private static List<Answer> Answers(Methodology methodology, IReadOnlyList<string> services, double quality, int seed)
    {
        var random = new Random(seed);
        var answers = new List<Answer>();
        foreach (var root in methodology.Structure)
        {
            Walk(root, root.ScoringLevel ?? ScoringLevel.Company);
        }

        return answers;

        void Walk(Node node, ScoringLevel level)
        {
            if (node.IsItem)
            {
                IReadOnlyList<string> components = level switch
                {
                    ScoringLevel.Service => services,
                    ScoringLevel.Both => [AssessmentInput.Company, .. services],
                    _ => [AssessmentInput.Company],
                };
                foreach (var component in components)
                {
                    var draw = random.NextDouble();
                    var option = draw < quality ? (node.Reversed ? "no" : "yes")
                        : draw < quality + 0.15 ? "partial"
                        : draw < 0.93 ? (node.Reversed ? "yes" : "no")
                        : "no-disclosure";
                    answers.Add(new Answer(node.Key, component, option, []));
                }

                return;
            }

            foreach (var child in node.Children)
            {
                Walk(child, child.ScoringLevel ?? level);
            }
        }
    }
}
