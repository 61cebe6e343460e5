using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Assessments;
using Rightscope.Core.Companies;
using Rightscope.Core.Methodologies;
using Rightscope.Core.Money;
using Rightscope.Core.Organizations;
using Rightscope.Core.Portfolios.Import;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Features.Companies;
using Rightscope.Features.Methodologies;
using Rightscope.Features.Organizations;
using Rightscope.Features.Portfolios;

namespace Rightscope.Demo;

/// <summary>How much investor data <c>rightscope demo --scale</c> generates.</summary>
public sealed record ScaleSize(
    string Name, int Companies, int Portfolios, int PortfolioHoldings, int LargestHoldings, int Cases, int GovernmentRequests, int IndicatorCountries)
{
    /// <summary>
    /// Issue 8: 20,000 companies and assessments, 50 portfolios of 2,000 holdings and one of 10,000, 200,000 encrypted
    /// grievance cases, 50,000 government requests, indicator data for 200 countries.
    /// </summary>
    public static readonly ScaleSize Large = new("large", 20_000, 50, 2_000, 10_000, 200_000, 50_000, 200);

    /// <summary>A tenth of <see cref="Large"/> (indicators for the same 200 countries).</summary>
    public static readonly ScaleSize Small = new("small", 2_000, 5, 200, 1_000, 20_000, 5_000, 200);

    /// <summary>For tests only (hidden from the help): seconds instead of minutes.</summary>
    public static readonly ScaleSize Tiny = new("tiny", 200, 2, 40, 100, 150, 60, 20);

    public static readonly IReadOnlyList<ScaleSize> All = [Large, Small, Tiny];

    /// <summary>One assessment per company.</summary>
    public int Assessments => Companies;

    public string LargestName => $"Scale {Label(LargestHoldings)}";

    public string PortfolioName(int number) => $"Scale {Label(PortfolioHoldings)} #{number:D2}";

    private static string Label(int count) =>
        count >= 1000 && count % 1000 == 0 ? $"{count / 1000}k" : count.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// <c>rightscope demo --scale</c>: a deterministic (fixed seed) investor dataset for benchmarks and growth tests, in an
/// organization of its own. Fictional companies (marked fictional, valid ISIN and LEI check digits with the ISIN
/// prefix QS, a code ISO 3166 never assigns to a country), one assessment of each under the surveillance-investor
/// methodology answered, scored by the real engine and approved by a second person, and portfolios whose holdings are
/// matched to the registry by the importer's matcher. The rows are written in batches by <see cref="ScaleBulkWriter"/>,
/// without EF Core's change tracker, so memory stays flat and the large set takes minutes.
/// </summary>
/// <remarks>
/// The grievance cases, government requests and indicator data of issue 8 belong to a company, not to an investor:
/// <see cref="ScaleCompanySeeder"/> writes them into a company organization beside this one.
/// </remarks>
public sealed class ScaleSeeder(
    RightscopeDbContext db,
    ScaleMembers scaleMembers,
    OrganizationProvisioner provisioner,
    MethodologyRegistry registry,
    AuditTrail audit,
    TenantScope tenant,
    IServiceScopeFactory scopes,
    TimeProvider clock)
{
    public const string DefaultSlug = "scale-investor";
    public const string MethodologyKey = "surveillance-investor";
    public const string SeededAction = "demo.scale-seeded";
    public const int Seed = 20_000;
    public static readonly DateOnly AsOf = new(2026, 6, 30);

    /// <summary>Companies (with their assessments and answers) per transaction.</summary>
    private const int BatchSize = 1000;
    private const double PortfolioValue = 1_000_000_000;

    public enum Outcome
    {
        Created,
        Exists,

        /// <summary>The organization exists without the completion entry: an earlier run stopped half-way.</summary>
        Incomplete,
    }

    /// <summary>One member created for the dataset, with the password shown once.</summary>
    public sealed record Member(string Email, Role Role, string Password, string Organization);

    /// <summary>A page of the dataset for benchmarks: its purpose and path.</summary>
    public sealed record SamplePage(string Purpose, string Path);

    public sealed record Result(Outcome Outcome, IReadOnlyList<Member> Members, IReadOnlyList<SamplePage> Pages, string? Summary);

    /// <summary>Reports a phase's progress: phase name, done, total.</summary>
    public delegate void Progress(string phase, int done, int total);

    public static string EmailOf(string slug, Role role) => ScaleMembers.EmailOf(slug, role);

    public async Task<Result> SeedAsync(string slug, ScaleSize size, Progress progress, CancellationToken cancellationToken)
    {
        var existing = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == slug, cancellationToken);
        if (existing is not null)
        {
            var complete = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
                .AnyAsync(e => e.OrganizationId == existing.Id && e.Action == SeededAction, cancellationToken);
            return new Result(complete ? Outcome.Exists : Outcome.Incomplete, [], complete ? await PagesAsync(existing.Id, slug, cancellationToken) : [], null);
        }

        var methodology = registry.Shipped.Find(MethodologyKey)
            ?? throw new InvalidOperationException($"The scale data needs the methodology {MethodologyKey}, which is not in the catalog.");
        var members = new List<Member>();
        var ownerPassword = ScaleMembers.NewPassword();
        var provisioned = await provisioner.CreateOwnerAsync(
            new NewOrganization(slug, $"Scale Investor (fictional, {size.Name}) · 规模测试投资机构（虚构，{size.Name}）", OrganizationKind.Investor),
            new NewOwner(EmailOf(slug, Role.Owner), "Scale owner", ownerPassword),
            AuditActor.System,
            allowExistingOrganization: false,
            cancellationToken);
        if (!provisioned.Succeeded)
        {
            throw new InvalidOperationException($"The scale organization {slug} could not be created: {provisioned.Errors[0].Field}: {provisioned.Errors[0].Message}");
        }

        var organizationId = provisioned.Organization!.Id;
        members.Add(new Member(EmailOf(slug, Role.Owner), Role.Owner, ownerPassword, slug));
        tenant.Enter(organizationId);
        var analyst = await scaleMembers.AddAsync(organizationId, slug, Role.Analyst, members, cancellationToken);
        var reviewer = await scaleMembers.AddAsync(organizationId, slug, Role.Reviewer, members, cancellationToken);

        var random = new Random(Seed);
        var now = clock.GetUtcNow().UtcDateTime;
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var companies = Companies(random, organizationId, size.Companies, now);
            Dictionary<int, int> tiers;
            int holdings;
            await using (var writer = new ScaleBulkWriter(db))
            {
                await writer.OpenAsync(cancellationToken);
                tiers = await AddCompaniesAndAssessmentsAsync(writer, random, methodology, companies, analyst, reviewer, now, progress, cancellationToken);
                holdings = await AddPortfoliosAsync(writer, random, organizationId, size, companies, now, progress, cancellationToken);
            }

            // The company organization in a scope of its own (a scope serves one organization); the completion entry
            // below is written only after it, so a run that stops half-way is seen as incomplete.
            ScaleCompanySeeder.Seeded company;
            await using (var scope = scopes.CreateAsyncScope())
            {
                company = await scope.ServiceProvider.GetRequiredService<ScaleCompanySeeder>().SeedAsync(slug, size, progress, cancellationToken);
            }

            members.AddRange(company.Members);
            var summary = string.Create(CultureInfo.InvariantCulture,
                $"scale data {size.Name} (seed {Seed}): {companies.Count} fictional companies; {companies.Count} approved {methodology.Id} assessments " +
                $"(tier 1: {tiers.GetValueOrDefault(1)}, tier 2: {tiers.GetValueOrDefault(2)}, tier 3: {tiers.GetValueOrDefault(3)}, no tier: {tiers.GetValueOrDefault(0)}); " +
                $"{size.Portfolios + 1} portfolios with {holdings} holdings as of {AsOf:yyyy-MM-dd}; {company.Summary}");
            await audit.SaveChangesAsync(new AuditRecord(organizationId, AuditActor.System, SeededAction, "organization", slug, summary), cancellationToken);
            return new Result(Outcome.Created, members, await PagesAsync(organizationId, slug, cancellationToken), summary);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>The pages the HTTP benchmark measures: the largest dashboard, one ordinary dashboard, an assessment, a company.</summary>
    private async Task<IReadOnlyList<SamplePage>> PagesAsync(Guid organizationId, string slug, CancellationToken cancellationToken)
    {
        var portfolios = await db.Portfolios.IgnoreQueryFilters().AsNoTracking().Where(p => p.OrganizationId == organizationId)
            .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        var snapshots = await db.HoldingsSnapshots.IgnoreQueryFilters().AsNoTracking().Where(s => s.OrganizationId == organizationId)
            .Select(s => new { s.PortfolioId, s.RowCount }).ToListAsync(cancellationToken);
        var largest = snapshots.OrderByDescending(s => s.RowCount).FirstOrDefault();
        var ordinary = snapshots.Where(s => s.PortfolioId != largest?.PortfolioId).OrderBy(s => portfolios.FindIndex(p => p.Id == s.PortfolioId)).FirstOrDefault();
        var assessment = await db.Assessments.IgnoreQueryFilters().AsNoTracking().Where(a => a.OrganizationId == organizationId)
            .OrderBy(a => a.SubjectName).Select(a => new { a.Id, a.CompanyId }).FirstOrDefaultAsync(cancellationToken);
        var pages = new List<SamplePage>();
        if (largest is not null)
        {
            pages.Add(new("largest-dashboard", $"/o/{slug}/portfolios/{largest.PortfolioId}/dashboard"));
        }

        if (ordinary is not null)
        {
            pages.Add(new("dashboard", $"/o/{slug}/portfolios/{ordinary.PortfolioId}/dashboard"));
        }

        if (assessment is not null)
        {
            pages.Add(new("assessment", $"/o/{slug}/assessments/{assessment.Id}"));
            if (assessment.CompanyId is { } company)
            {
                pages.Add(new("company", $"/o/{slug}/companies/{company}"));
            }
        }

        var companySlug = ScaleCompanySeeder.SlugOf(slug);
        if (await db.Organizations.AsNoTracking().AnyAsync(o => o.Slug == companySlug, cancellationToken))
        {
            var year = ScaleCompanySeeder.RequestYears[^1].ToString(CultureInfo.InvariantCulture);
            pages.Add(new("case-list", $"/o/{companySlug}/cases"));
            pages.Add(new("government-requests", $"/o/{companySlug}/government-requests"));
            pages.Add(new("transparency-report", $"/o/{companySlug}/transparency/{year}"));
            pages.Add(new("country", $"/o/{companySlug}/countries/BR"));
            pages.Add(new("statistics", $"/o/{companySlug}/statistics"));
            pages.Add(new("public-submission", $"/report/{companySlug}"));
        }

        return pages;
    }

    private static readonly string[] PrefixEn =
    [
        "Alder", "Basalt", "Cobalt", "Driftwood", "Ember", "Fjord", "Granite", "Harbor", "Indigo", "Juniper",
        "Kestrel", "Lantern", "Meridian", "Nimbus", "Obsidian", "Pinnacle", "Quartz", "Riverstone", "Saffron", "Tundra",
    ];

    private static readonly string[] PrefixZh =
    [
        "赤杨", "玄武", "钴蓝", "浮木", "余烬", "峡湾", "花岗", "港湾", "靛青", "杜松",
        "红隼", "灯塔", "子午", "雨云", "黑曜", "巅峰", "石英", "溪石", "藏红", "冻原",
    ];

    private static readonly string[] CoreEn =
    [
        "Vision Systems", "Network Analytics", "Secure Communications", "Data Intelligence", "Sensor Technologies",
        "Cloud Services", "Mobile Solutions", "Imaging", "Telecom Equipment", "Software",
    ];

    private static readonly string[] CoreZh =
    [
        "视觉系统", "网络分析", "安全通信", "数据情报", "传感技术",
        "云服务", "移动解决方案", "影像", "电信设备", "软件",
    ];

    private static readonly string[] CountryCodes =
    [
        "US", "CN", "GB", "DE", "FR", "JP", "KR", "IL", "IN", "SG", "NL", "SE", "CA", "AU", "IT", "ES", "CH", "BR", "ZA", "AE",
    ];

    private static readonly string[] TechnologyKeys =
    [
        "intrusion-spyware", "exploits-and-hacking-services", "biometric-identification", "facial-recognition", "imsi-catcher",
        "network-interception-dpi", "lawful-interception", "social-media-osint-monitoring", "data-analytics-predictive-policing",
        "location-tracking", "censorship-shutdown-equipment", "cctv-safe-city", "aerial-surveillance", "mobile-forensics",
        "data-brokerage", "workplace-monitoring", "stalkerware",
    ];

    /// <summary>The ISIN of the <paramref name="index"/>th scale company: prefix QS (never a country), nine digits, check digit.</summary>
    public static string IsinOf(int index)
    {
        var payload = string.Create(CultureInfo.InvariantCulture, $"QS{index + 1:D9}");
        return payload + Isin.ComputeCheckDigit(payload);
    }

    /// <summary>The LEI of the <paramref name="index"/>th scale company: 18 characters and two ISO 17442 check digits.</summary>
    public static string LeiOf(int index)
    {
        var payload = string.Create(CultureInfo.InvariantCulture, $"SCAL00{index + 1:D12}");
        return payload + Lei.ComputeCheckDigits(payload);
    }

    private static List<Company> Companies(Random random, Guid organizationId, int count, DateTime now)
    {
        var companies = new List<Company>(count);
        for (var i = 0; i < count; i++)
        {
            var prefix = random.Next(PrefixEn.Length);
            var core = random.Next(CoreEn.Length);
            var number = (i + 1).ToString("D5", CultureInfo.InvariantCulture);
            var exposure = random.Next(100) switch { < 15 => 1, < 55 => 2, _ => 3 };
            var technologies = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => TechnologyKeys[random.Next(TechnologyKeys.Length)]).Distinct().Order(StringComparer.Ordinal);
            var company = new Company
            {
                OrganizationId = organizationId,
                NameEn = $"{PrefixEn[prefix]} {CoreEn[core]} {number}",
                NameZhHans = $"{PrefixZh[prefix]}{CoreZh[core]}{number}",
                Country = CountryCodes[random.Next(CountryCodes.Length)],
                Isin = IsinOf(i),
                Lei = LeiOf(i),
                Ticker = $"SC{number}",
                Sector = "Information technology (fictional) · 信息技术（虚构）",
                ExposureType = exposure,
                Technologies = string.Join(',', technologies),
                Products = "Invented for the Rightscope scale data; describes no real company. · 为 Rightscope 规模测试数据而虚构，不涉及任何真实公司。",
                Fictional = true,
                CreatedAt = now,
                UpdatedAt = now,
            };
            CompanyCommands.SetNormalizedNames(company);
            companies.Add(company);
        }

        return companies;
    }

    /// <summary>Adds the companies, each with one approved assessment scored by the engine; the count of companies per tier (0: none).</summary>
    private async Task<Dictionary<int, int>> AddCompaniesAndAssessmentsAsync(
        ScaleBulkWriter writer, Random random, Methodology methodology, List<Company> companies, Guid analyst, Guid reviewer, DateTime now, Progress progress, CancellationToken cancellationToken)
    {
        var tiers = new Dictionary<int, int>();
        var approved = AssessmentWorkflow.Approve(AssessmentWorkflow.Submit(AssessmentStatus.Draft).Status, analyst, reviewer);
        if (!approved.Succeeded)
        {
            throw new InvalidOperationException($"The scale assessments could not be approved: {approved.Failure}.");
        }

        progress("companies and assessments", 0, companies.Count);
        for (var start = 0; start < companies.Count; start += BatchSize)
        {
            var batch = companies.GetRange(start, Math.Min(BatchSize, companies.Count - start));
            var assessments = new List<Assessment>(batch.Count);
            var answers = new List<AssessmentAnswer>(batch.Count * 32);
            foreach (var company in batch)
            {
                var subject = Subject(random, company);
                var assessment = new Assessment
                {
                    OrganizationId = company.OrganizationId,
                    SubjectKind = SubjectKind.Company,
                    SubjectName = subject.Name,
                    CompanyId = company.Id,
                    Attributes = JsonSerializer.Serialize(subject.Attributes),
                    Services = "[]",
                    MethodologyKey = methodology.Key,
                    MethodologyVersion = methodology.Version,
                    AuthorUserId = analyst,
                    CreatedAt = now,
                    UpdatedAt = now,
                    SubmittedAt = now,
                };
                var answered = DemoAssessments.Answers(methodology, subject)
                    .Select(a => new AssessmentAnswer
                    {
                        OrganizationId = company.OrganizationId,
                        AssessmentId = assessment.Id,
                        ItemKey = a.Item,
                        Component = a.Component,
                        OptionKey = a.Option,
                        AnsweredByUserId = analyst,
                        AnsweredAt = now,
                    })
                    .ToList();
                var result = AssessmentStore.Score(methodology, assessment, answered, [], []);
                (assessment.Total, assessment.Tier) = (result.Total, result.Tier);
                (assessment.Status, assessment.ApprovedByUserId, assessment.ApprovedAt) = (approved.Status, reviewer, now);
                assessment.NextReviewOn = DateOnly.FromDateTime(now).AddYears(1);
                tiers[result.Tier ?? 0] = tiers.GetValueOrDefault(result.Tier ?? 0) + 1;
                assessments.Add(assessment);
                answers.AddRange(answered);
            }

            await writer.InTransactionAsync(async () =>
            {
                await db.InsertAsync(batch, cancellationToken);
                await db.InsertAsync(assessments, cancellationToken);
                await db.InsertAsync(answers, cancellationToken);
            }, cancellationToken);
            progress("companies and assessments", start + batch.Count, companies.Count);
        }

        return tiers;
    }

    /// <summary>
    /// The answers of one company: a quality drawn for the company sets how often an item is answered well, in the middle
    /// or badly (so every tier occurs), and one company in twenty has the "known misuse without response" red flag.
    /// </summary>
    private static DemoAssessments.DemoSubject Subject(Random random, Company company)
    {
        var quality = random.NextDouble();
        var pattern = new string([.. Enumerable.Range(0, 8).Select(_ => random.NextDouble() switch
        {
            var r when r < quality => 'G',
            var r when r < quality + (1 - quality) / 2 => 'M',
            _ => 'B',
        })]);
        var redFlag = random.Next(20) == 0;
        var intrusion = company.ExposureType == 1 && random.Next(4) == 0;
        return new DemoAssessments.DemoSubject(
            MethodologyKey,
            SubjectKind.Company,
            $"{company.NameEn} {DemoAssessments.FictionalMarkEnglish} · {company.NameZhHans}（{DemoAssessments.FictionalMarkChinese}）",
            new Dictionary<string, string>
            {
                ["exposure-type"] = company.ExposureType!.Value.ToString(CultureInfo.InvariantCulture),
                ["targeted-intrusion"] = intrusion ? "yes" : "no",
            },
            [],
            pattern,
            redFlag ? new Dictionary<string, string> { ["credible-misuse-reports"] = "yes", ["misuse-response"] = "no" } : new Dictionary<string, string>(),
            []);
    }

    /// <summary>
    /// The portfolios: each holds distinct companies drawn from the registry plus one holding in fifty that is in no
    /// registry (left unmatched, as in real imports); weights sum to 100. Matched by the importer's matcher. The number
    /// of holdings written.
    /// </summary>
    private async Task<int> AddPortfoliosAsync(
        ScaleBulkWriter writer, Random random, Guid organizationId, ScaleSize size, List<Company> companies, DateTime now, Progress progress, CancellationToken cancellationToken)
    {
        var matcher = new CompanyMatcher(companies);
        var usd = Currency.FromCode("USD");
        var plan = Enumerable.Range(1, size.Portfolios).Select(n => (Name: size.PortfolioName(n), Holdings: size.PortfolioHoldings))
            .Prepend((Name: size.LargestName, Holdings: size.LargestHoldings))
            .ToList();
        var total = plan.Sum(p => p.Holdings);
        var written = 0;
        var indexes = Enumerable.Range(0, companies.Count).ToArray();
        progress("portfolios and holdings", 0, total);
        foreach (var (name, count) in plan)
        {
            var rows = new List<HoldingRow>(count);
            var weights = Enumerable.Range(0, count).Select(_ => 0.1 + random.NextDouble()).ToArray();
            var sum = weights.Sum();
            var percents = weights.Select(w => Math.Round(w / sum * 100, 6)).ToArray();
            percents[^1] = Math.Round(100 - percents[..^1].Sum(), 6);
            var drawn = 0;
            for (var k = 0; k < count; k++)
            {
                var weight = percents[k];
                var value = Math.Round((decimal)(weight / 100 * PortfolioValue), 2);
                if (random.Next(50) == 0 || drawn >= companies.Count)
                {
                    rows.Add(new HoldingRow(k + 2, $"Unlisted Scale Holding {k + 1:D5} (fictional)", null, null, null, null, weight, value, usd, null));
                    continue;
                }

                // A partial Fisher–Yates shuffle: distinct companies within one portfolio.
                var pick = drawn + random.Next(companies.Count - drawn);
                (indexes[drawn], indexes[pick]) = (indexes[pick], indexes[drawn]);
                var company = companies[indexes[drawn++]];
                rows.Add(new HoldingRow(k + 2, company.NameEn, Isin.Parse(company.Isin!), null, null, Country.FromCode(company.Country!), weight, value, usd, null));
            }

            var portfolio = new Portfolio { OrganizationId = organizationId, Name = name, BaseCurrency = "USD", CreatedAt = now, UpdatedAt = now };
            var snapshot = new HoldingsSnapshot
            {
                OrganizationId = organizationId,
                PortfolioId = portfolio.Id,
                AsOf = AsOf,
                SourceFileName = $"scale-{size.Name}.csv",
                Fingerprint = HoldingsImporter.Fingerprint(rows),
                RowCount = rows.Count,
                ImportedBy = "system",
                ImportedAt = now,
            };
            var holdings = rows.Select(row => new Holding
            {
                OrganizationId = organizationId,
                SnapshotId = snapshot.Id,
                Line = row.Line,
                Name = row.Name,
                Isin = row.Isin?.Value,
                Country = row.Country?.Alpha2,
                Weight = row.WeightPercent,
                MarketValueMinor = row.MarketValueMinorUnits,
                Currency = row.Currency?.Code,
                CompanyId = matcher.Match(row.Isin?.Value, null, null, row.Country?.Alpha2, row.Name),
            }).ToList();
            snapshot.MatchedCount = holdings.Count(h => h.CompanyId is not null);
            await writer.InTransactionAsync(async () =>
            {
                db.Portfolios.Add(portfolio);
                db.HoldingsSnapshots.Add(snapshot);
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                await db.InsertAsync(holdings, cancellationToken);
            }, cancellationToken);
            written += holdings.Count;
            progress("portfolios and holdings", written, total);
        }

        return written;
    }
}
