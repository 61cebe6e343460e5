using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rightscope.Features.Hrdd;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Hrdd.HrddSteps;

namespace Rightscope.Tests.Features.Hrdd;

/// <summary>The demo company's due diligence cycle: seeded, fictional, and shown by the pages in priority order.</summary>
public sealed partial class DemoHrddTests
{
    [GeneratedRegex(@"^\s+demo-company\s+analyst\s+(\S+@\S+)\s+([a-z0-9-]{29})\s*$", RegexOptions.Multiline)]
    private static partial Regex AnalystLine();

    [Fact]
    public async Task The_demo_company_has_a_commitment_hrias_and_rated_issues_marked_fictional()
    {
        await using var app = await RightscopeFactory.StartAsync(ProviderData.Sqlite, demo: true);
        var org = await QueryAsync(app, db => db.Organizations.SingleAsync(o => o.Slug == "demo-company"));
        var elements = await QueryAsync(app, db => db.PolicyCommitmentElements.IgnoreQueryFilters().Where(e => e.OrganizationId == org.Id).ToListAsync());
        Assert.Equal(4, elements.Count(e => e.Status == CommitmentElementStatus.Met));
        Assert.Equal(CommitmentElementStatus.InProgress, elements.Single(e => e.Element == CommitmentElement.Embedded).Status);
        var projects = await QueryAsync(app, db => db.HriaProjects.IgnoreQueryFilters().Where(p => p.OrganizationId == org.Id).ToListAsync());
        Assert.Contains(projects, p => p.Stage == LifecycleStage.Use && p.SubjectName.Contains("messaging app", StringComparison.Ordinal));
        Assert.Contains(projects, p => p.CountryCode is not null);
        Assert.Single(await QueryAsync(app, db => db.HriaAssessments.IgnoreQueryFilters().Where(l => l.OrganizationId == org.Id).ToListAsync()));
        var issues = await QueryAsync(app, db => db.SalientIssues.IgnoreQueryFilters().Where(i => i.OrganizationId == org.Id).ToListAsync());
        Assert.Equal(5, issues.Count);
        Assert.All(issues, i => Assert.Contains("(fictional) · ", i.Title, StringComparison.Ordinal));
        Assert.All(issues, i => Assert.Contains("（虚构）", i.Title, StringComparison.Ordinal));
        Assert.All(issues, i => Assert.NotNull(i.OwnerUserId));
        Assert.Equal(2, issues.Count(i => i.SourceImpactId is not null));
        // Other demo organizations get no cycle.
        Assert.Equal(5, await QueryAsync(app, db => db.SalientIssues.IgnoreQueryFilters().CountAsync()));

        var analyst = AnalystLine().Match(app.ConsoleOutput);
        Assert.True(analyst.Success, "the demo company's analyst is printed");
        var client = await app.SignInAsync(analyst.Groups[1].Value, analyst.Groups[2].Value);
        Assert.Contains("4 of 5 elements met", await HtmlAsync(client, "/o/demo-company/due-diligence"), StringComparison.Ordinal);
        var register = await HtmlAsync(client, "/o/demo-company/salient-issues");
        // Severity 5 and irremediable comes first: the defenders' accounts issue.
        Assert.True(register.IndexOf("Defenders' accounts targeted", StringComparison.Ordinal) < register.IndexOf("Over-removal of lawful posts", StringComparison.Ordinal));
        var camera = projects.Single(p => p.Stage == LifecycleStage.Development);
        Assert.Contains("In the register", await HtmlAsync(client, $"/o/demo-company/hria/{camera.Id}"), StringComparison.Ordinal);
    }
}
