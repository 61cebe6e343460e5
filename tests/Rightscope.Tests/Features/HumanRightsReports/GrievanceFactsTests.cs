using Microsoft.Extensions.DependencyInjection;
using Rightscope.Core.HumanRightsReports;
using Rightscope.Core.Remedy;
using Rightscope.Data;
using Rightscope.Features.HumanRightsReports;
using Rightscope.Features.Remedy;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.HumanRightsReports.HumanRightsReportSteps;

namespace Rightscope.Tests.Features.HumanRightsReports;

/// <summary>The remediation facts (C6) from the grievance mechanism: counts of the year, linked by salient issue, always suppressed.</summary>
public sealed class GrievanceFactsTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Remediation_counts_are_the_years_cases_linked_to_the_issue_and_overall_with_small_counts_suppressed(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(Rightscope.Core.Organizations.OrganizationKind.Company);
        var issue = await SeedIssueAsync(app, org, "Fictional privacy issue", "privacy");
        await QueryAsync(app, async db =>
        {
            var channel = new Channel { OrganizationId = org.Id, Slug = TestData.UniqueSlug("ch"), NameEn = "Fictional channel", NameZh = "虚构渠道", ReceiptSalt = new byte[16], ReceiptCost = "test", CreatedAt = DateTime.UtcNow };
            var number = 0;
            GrievanceCase Case(Guid? salientIssue, CaseStatus status, int year) => new()
            {
                OrganizationId = org.Id,
                ChannelId = channel.Id,
                Number = ++number,
                Status = status,
                ReceivedOn = new DateOnly(year, 3, 1),
                LookupId = [(byte)number],
                ReporterEnvelope = [1],
                Report = [2],
                // Triage names the right of every case: only the link to the issue counts, not the shared right.
                RightKeys = "[\"privacy\"]",
                SalientIssueId = salientIssue,
            };
            db.Add(channel);
            // 2025: linked 2 open + 5 closed; unlinked 5 closed; and one linked case of 2024 that must not count.
            db.AddRange(Enumerable.Range(0, 2).Select(_ => Case(issue.Id, CaseStatus.Investigating, Year)));
            db.AddRange(Enumerable.Range(0, 5).Select(_ => Case(issue.Id, CaseStatus.Closed, Year)));
            db.AddRange(Enumerable.Range(0, 5).Select(_ => Case(null, CaseStatus.Closed, Year)));
            db.Add(Case(issue.Id, CaseStatus.Closed, Year - 1));
            return await db.SaveChangesAsync();
        });

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(org.Id);
        var report = new HumanRightsReport { OrganizationId = org.Id, Year = Year };
        var content = await scope.ServiceProvider.GetRequiredService<ReportAssembler>().CurrentAsync(report, org.Name, CancellationToken.None);

        var fact = content.FactsOf(new SectionRef("C6", issue.EngineId)).First();
        Assert.Equal(GrievanceFacts.SourceName, fact.Source);
        var rows = fact.Rows.Select(r => r.Select(c => c.En).ToList()).ToList();
        // Linked: 2 open (suppressed), 5 closed (withheld so the 2 cannot be worked out), 7 in all; overall 2, 12, 14 → "<5", withheld, 12.
        Assert.Equal(["Open", "<5", "<5"], rows[0]);
        Assert.Equal(["Closed", "withheld", "withheld"], rows[1]);
        Assert.Equal(["Total", "7", "12"], rows[2]);
        Assert.Single(content.FactsOf(new SectionRef("B1", null)));
        _ = owner;
    }
}
