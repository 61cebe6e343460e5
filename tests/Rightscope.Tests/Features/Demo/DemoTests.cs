using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Core.Accounts;
using Rightscope.Core.Assessments;
using Rightscope.Data;
using Rightscope.Demo;
using Rightscope.Features.Assessments;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Demo;

public sealed partial class DemoTests
{
    [GeneratedRegex(@"^\s+(\S+)\s+(\S+)\s+(\S+@\S+)\s+([a-z0-9-]{29})\s*$", RegexOptions.Multiline)]
    private static partial Regex CredentialLine();

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Serve_demo_creates_three_organizations_with_every_role_and_printed_passwords_work(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider, demo: true);

        var credentials = CredentialLine().Matches(app.ConsoleOutput).Select(m => (Org: m.Groups[1].Value, Role: m.Groups[2].Value, Email: m.Groups[3].Value, Password: m.Groups[4].Value)).ToList();
        Assert.Equal(DemoSeeder.Organizations.Count * Roles.All.Count, credentials.Count);
        Assert.Equal(["demo-civil-society", "demo-company", "demo-investor"], credentials.Select(c => c.Org).Distinct().Order());
        Assert.DoesNotContain("setup token", app.ConsoleOutput, StringComparison.Ordinal);

        var analyst = credentials.Single(c => c.Org == "demo-investor" && c.Role == "analyst");
        var client = await app.SignInAsync(analyst.Email, analyst.Password);
        var overview = await client.GetAsync("/o/demo-investor");
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Contains("Demo Investor (fictional)", await overview.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Running --demo again keeps the data and says how to get back in.
        await using var again = app.Restart(demo: true);
        Assert.Contains("exist already", again.ConsoleOutput, StringComparison.Ordinal);
        Assert.Contains("admin reset-password", again.ConsoleOutput, StringComparison.Ordinal);
        await using var scope = again.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
        Assert.Equal(3, await db.Organizations.CountAsync());
        Assert.Equal(15, await db.Users.CountAsync());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Serve_demo_adds_approved_assessments_of_fictional_subjects_in_every_tier_and_methodology(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider, demo: true);

        List<Assessment> assessments;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
            assessments = await db.Assessments.IgnoreQueryFilters().AsNoTracking().ToListAsync();
            var organizations = await db.Organizations.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Slug);
            var memberships = await db.Memberships.IgnoreQueryFilters().AsNoTracking().ToListAsync();
            Guid MemberId(Guid organizationId, Role role) => memberships.Single(m => m.OrganizationId == organizationId && m.Role == role).UserId;

            Assert.NotEmpty(assessments);
            foreach (var assessment in assessments)
            {
                Assert.Equal(AssessmentStatus.Approved, assessment.Status);
                Assert.Contains(DemoAssessments.FictionalMarkEnglish, assessment.SubjectName, StringComparison.Ordinal);
                Assert.Contains(DemoAssessments.FictionalMarkChinese, assessment.SubjectName, StringComparison.Ordinal);
                Assert.Equal(MemberId(assessment.OrganizationId, Role.Analyst), assessment.AuthorUserId);
                Assert.Equal(MemberId(assessment.OrganizationId, Role.Reviewer), assessment.ApprovedByUserId);
                Assert.NotEqual(assessment.AuthorUserId, assessment.ApprovedByUserId);
                Assert.NotNull(assessment.ApprovedAt);
                Assert.NotNull(assessment.Total);
                Assert.True(await db.AssessmentAnswers.IgnoreQueryFilters().AnyAsync(a => a.AssessmentId == assessment.Id));
            }

            // Every methodology has an approved demo assessment; demo-investor covers tiers 1, 2 and 3 and exposure types 1, 2 and 3.
            Assert.Equal(["digital-rights-benchmark", "surveillance-investor", "ungp-hria"], assessments.Select(a => a.MethodologyKey).Distinct().Order());
            var investor = assessments.Where(a => organizations[a.OrganizationId] == "demo-investor").ToList();
            Assert.All(investor, a => Assert.Equal("surveillance-investor", a.MethodologyKey));
            Assert.Equal([1, 2, 3], investor.Select(a => a.Tier!.Value).Order());
            Assert.Equal(["1", "2", "3"], investor.Select(a => AssessmentStore.ReadAttributes(a.Attributes)["exposure-type"]).Order());
            Assert.Single(assessments, a => organizations[a.OrganizationId] == "demo-company" && a.MethodologyKey == "ungp-hria");
            // Besides the benchmark editions' assessments (DemoBenchmark), the civil society organization has one of Litware.
            var benchmark = Assert.Single(assessments, a => organizations[a.OrganizationId] == "demo-civil-society" && a.SubjectName.StartsWith("Litware", StringComparison.Ordinal));
            Assert.Equal("digital-rights-benchmark", benchmark.MethodologyKey);
            var services = AssessmentStore.ReadServices(benchmark.Services);
            Assert.Equal(2, services.Count);
            var components = await db.AssessmentAnswers.IgnoreQueryFilters().Where(a => a.AssessmentId == benchmark.Id).Select(a => a.Component).Distinct().ToListAsync();
            Assert.Equal(["company", .. services.Order()], components.Order());

            // The cached total and tier are what the scoring engine gives for the stored answers and evidence.
            var registry = scope.ServiceProvider.GetRequiredService<Rightscope.Features.Methodologies.MethodologyRegistry>();
            foreach (var assessment in assessments)
            {
                var answers = await db.AssessmentAnswers.IgnoreQueryFilters().Where(a => a.AssessmentId == assessment.Id).ToListAsync();
                var evidence = await db.Evidence.IgnoreQueryFilters().Where(e => e.AssessmentId == assessment.Id).ToListAsync();
                var impacts = await db.SalientImpacts.IgnoreQueryFilters().Where(i => i.AssessmentId == assessment.Id).ToListAsync();
                var result = AssessmentStore.Score(registry.Shipped.Find(assessment.MethodologyKey, assessment.MethodologyVersion)!, assessment, answers, evidence, impacts);
                Assert.Equal(result.Total!.Value, assessment.Total!.Value, 6);
                Assert.Equal(result.Tier, assessment.Tier);
                Assert.Equal(result.Completeness.Applicable, result.Completeness.Answered);
                if (assessment.MethodologyKey == "ungp-hria")
                {
                    // The demo HRIA records impacts, and its most severe one floors the tier at 2 (severity 4 or more).
                    Assert.Equal(3, result.Impacts.Count);
                    Assert.Equal("peaceful-assembly", result.Impacts[0].Impact.Right);
                    Assert.Contains(result.SeverityFloors, f => f.MinSeverity == 4 && f.Floor == 2);
                    Assert.True(assessment.Tier >= 2);
                }

                if (assessment.MethodologyKey == "surveillance-investor" && assessment.Tier == 3)
                {
                    Assert.Contains(result.RedFlags, f => f.Key == "known-misuse-without-response" && f.Floor == 3);
                }
            }

            // Evidence is visibly fictional and points nowhere real.
            var allEvidence = await db.Evidence.IgnoreQueryFilters().AsNoTracking().ToListAsync();
            Assert.True(allEvidence.Count(e => organizations[e.OrganizationId] == "demo-investor") >= 2);
            Assert.All(allEvidence, e =>
            {
                Assert.StartsWith("Fictional example report", e.Title, StringComparison.Ordinal);
                Assert.Equal(DemoAssessments.EvidencePublisher, e.Publisher);
                Assert.StartsWith("https://example.org/", e.Url, StringComparison.Ordinal);
            });

            // The real companies named in seed 001 get no assessment.
            foreach (var real in new[] { "NSO", "Gamma", "Alphabet", "Google", "Amazon", "Sandvine" })
            {
                Assert.DoesNotContain(assessments, a => a.SubjectName.Contains(real, StringComparison.OrdinalIgnoreCase));
            }

            // One audit entry per organization says what the demo added.
            var seeded = await db.AuditEntries.IgnoreQueryFilters().Where(e => e.Action == "demo.seeded").ToListAsync();
            Assert.Equal(3, seeded.Count);
            Assert.All(seeded, e => Assert.Contains("approved fictional demo assessments added", e.Summary, StringComparison.Ordinal));
        }

        // The analyst sees the approved demo assessments in tiers 1, 2 and 3.
        var analyst = CredentialLine().Matches(app.ConsoleOutput).Select(m => (Org: m.Groups[1].Value, Role: m.Groups[2].Value, Email: m.Groups[3].Value, Password: m.Groups[4].Value))
            .Single(c => c.Org == "demo-investor" && c.Role == "analyst");
        var client = await app.SignInAsync(analyst.Email, analyst.Password);
        var list = await client.GetAsync("/o/demo-investor/assessments");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var html = WebUtility.HtmlDecode(await list.Content.ReadAsStringAsync());
        foreach (var assessment in assessments.Where(a => a.MethodologyKey == "surveillance-investor"))
        {
            Assert.Contains(assessment.SubjectName, html, StringComparison.Ordinal);
            var overview = await client.GetAsync($"/o/demo-investor/assessments/{assessment.Id}");
            Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        }

        Assert.Equal(3, Regex.Matches(html, "<td>Approved</td>").Count);
        Assert.Contains("Tier 1", html, StringComparison.Ordinal);
        Assert.Contains("Tier 2", html, StringComparison.Ordinal);
        Assert.Contains("Tier 3", html, StringComparison.Ordinal);

        // A second --demo run adds nothing.
        await using var again = app.Restart(demo: true);
        await using var againScope = again.Services.CreateAsyncScope();
        var againDb = againScope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
        Assert.Equal(assessments.Count, await againDb.Assessments.IgnoreQueryFilters().CountAsync());
        Assert.Equal(3, await againDb.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.Action == "demo.seeded"));
    }
}
