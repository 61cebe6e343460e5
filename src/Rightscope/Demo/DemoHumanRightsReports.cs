using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.HumanRightsReports;
using Rightscope.Core.Organizations;
using Rightscope.Data;
using Rightscope.Features.Hrdd;
using Rightscope.Features.HumanRightsReports;
using Rightscope.Features.Methodologies;

namespace Rightscope.Demo;

/// <summary>
/// The demo company's published human rights report for the latest full year, in both languages, about the fictional
/// demo company only (DESIGN §7). It covers the salient issues present when it runs — those other demo data added in
/// this seeding (still in the change tracker) and any already saved — so it runs after them; with no issues, part C is
/// empty and the report still has parts A and B. Written by the analyst, approved by the reviewer, published by the
/// owner. The snapshot added here has the salient issues' facts only, because the other records are not saved yet;
/// once they are, <see cref="FreezeAsync"/> freezes it again from every contributor, as publication does.
/// </summary>
public static class DemoHumanRightsReports
{
    private const string FictionalEn = "Fictional demo text. ";

    private const string FictionalZh = "虚构的示例文本。";

    /// <summary>Adds the published report to <paramref name="db"/> (not saved); a summary for the audit entry, or null for other kinds.</summary>
    public static string? Add(
        RightscopeDbContext db, MethodologyRegistry registry, Guid organizationId, OrganizationKind kind, string organizationName,
        Guid analystId, Guid reviewerId, Guid ownerId, DateTime now)
    {
        if (kind != OrganizationKind.Company)
        {
            return null;
        }

        var added = db.ChangeTracker.Entries<SalientIssue>().Select(e => e.Entity).Where(i => i.OrganizationId == organizationId).ToList();
        var saved = db.SalientIssues.IgnoreQueryFilters().AsNoTracking().Where(i => i.OrganizationId == organizationId).ToList();
        var issues = added.Concat(saved.Where(s => added.All(a => a.Id != s.Id))).Where(i => i.Status != SalientIssueStatus.Closed).ToList();
        var year = now.Year - 1;
        var covered = SalientIssueFacts.Describe(issues, registry);
        var context = new ReportFactsContext(organizationId, year, covered);
        SalientIssueFacts.Add(context, issues, registry);

        var narratives = new Dictionary<string, StoredNarrative>(StringComparer.Ordinal);
        void Write(SectionRef place, string en, string zh) =>
            narratives[place.Key] = new StoredNarrative(FictionalEn + en, FictionalZh + zh, [analystId], now);

        Write(new("A1", null),
            "The Demo Company (fictional) commits to respect all internationally recognized human rights across its products, services and business relationships, in line with the UN Guiding Principles. The commitment was approved by the board and drafted with advice from external human rights experts and users' organizations.",
            "示例公司（虚构）承诺在其产品、服务和商业关系中尊重所有国际公认的人权，符合《工商企业与人权指导原则》。该承诺经董事会批准，并在外部人权专家和用户组织的意见基础上起草。");
        Write(new("A2", null),
            "A vice-president for human rights reports to the board each quarter. Product teams complete human rights due diligence training, and sales of sensitive products need a human rights review before contracts are signed.",
            "一名负责人权事务的副总裁每季度向董事会报告。产品团队须完成人权尽责培训，敏感产品在签订合同前须经过人权审查。");
        Write(new("B1", null),
            covered.Count == 0
                ? "No salient human rights issue was recorded in the register for this year."
                : $"The register records {covered.Count} salient human rights issue(s), listed below from the most severe.",
            covered.Count == 0
                ? "本年度登记册中未记录突出人权问题。"
                : $"登记册记录了 {covered.Count} 个突出人权问题，按严重程度从高到低列于下方。");
        Write(new("B2", null),
            "Issues were identified through human rights impact assessments of products and markets, rated for scale, scope and irremediable character, and discussed with affected users, civil society organizations and human rights defenders.",
            "这些问题通过对产品和市场的人权影响评估加以识别，按规模、范围和不可补救性进行评级，并与受影响的用户、民间社会组织和人权维护者进行了讨论。");
        Write(new("B3", null),
            "The report focuses on the markets where the salient issues arise, shown below.",
            "本报告侧重于产生突出人权问题的市场，详见下文。");
        foreach (var issue in covered)
        {
            Write(new("C1", issue.Id), $"The product privacy and human rights policies apply to \"{issue.Title}\".", $"产品隐私政策和人权政策适用于“{issue.Title}”。");
            Write(new("C2", issue.Id), "Affected users and two civil society organizations were consulted; their input changed the product's default settings.", "公司征询了受影响用户和两个民间社会组织的意见；他们的意见改变了产品的默认设置。");
            Write(new("C3", issue.Id), "The issue is reassessed at every major product change and once a year.", "每次产品重大变更时以及每年一次对这一问题进行重新评估。");
            Write(new("C4", issue.Id), "Findings went into the product roadmap; mitigation actions have owners and due dates.", "评估结果已纳入产品路线图；各项减轻措施均有负责人和完成期限。");
            Write(new("C5", issue.Id), "Indicators are tracked each quarter against a baseline and a target.", "每季度对照基线和目标跟踪各项指标。");
            Write(new("C6", issue.Id), "People can raise grievances through the public reporting channel, anonymously if they wish.", "人们可以通过公开举报渠道提出申诉，如愿意可匿名提出。");
        }

        var content = new ReportContent(year, organizationName, covered, narratives.ToDictionary(n => n.Key, n => n.Value.Text, StringComparer.Ordinal), context.Facts);
        var report = new HumanRightsReport
        {
            OrganizationId = organizationId,
            Year = year,
            Status = ReportStatus.Published,
            Snapshot = JsonSerializer.Serialize(content, ReportJson.Options),
            CreatedByUserId = analystId,
            SubmittedByUserId = analystId,
            SubmittedAt = now,
            ApprovedByUserId = reviewerId,
            ApprovedAt = now,
            PublishedByUserId = ownerId,
            PublishedAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        };
        report.WriteNarratives(narratives);
        db.HumanRightsReports.Add(report);
        return $"human rights report {year} published with {covered.Count} salient issue(s)";
    }

    /// <summary>
    /// Freezes the demo company's published report again from every facts contributor, in a scope of its own that enters
    /// the organization (the seeder's scope passes through several organizations), after the seeding is saved.
    /// </summary>
    public static async Task FreezeAsync(IServiceScopeFactory scopes, Guid organizationId, string organizationName, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(organizationId);
        var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
        var report = await db.HumanRightsReports.SingleOrDefaultAsync(r => r.Status == ReportStatus.Published, cancellationToken);
        if (report is null)
        {
            return;
        }

        var content = await scope.ServiceProvider.GetRequiredService<ReportAssembler>().CurrentAsync(report, organizationName, cancellationToken);
        report.Snapshot = JsonSerializer.Serialize(content, ReportJson.Options);
        await db.SaveChangesAsync(cancellationToken);
    }
}
