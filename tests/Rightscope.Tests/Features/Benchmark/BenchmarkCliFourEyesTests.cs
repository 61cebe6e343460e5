using System.Net;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Benchmark;
using Rightscope.Core.Organizations;
using Rightscope.Tests.Cli;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Companies.CompanyRegistryTests;

namespace Rightscope.Tests.Features.Benchmark;

/// <summary>
/// <c>rightscope import benchmark --as EMAIL</c>: the import is made in a member's name, only by a member allowed to
/// import, and that member cannot approve the edition on the approval page; the audit trail names both people.
/// </summary>
public sealed class BenchmarkCliFourEyesTests
{
    private static Task<CliResult> ImportAsync(RightscopeFactory app, string org, string edition, string file, string email) =>
        Cli.Cli.RunAsync(app.Database, "", "import", "benchmark", "--org", org, "--edition", edition,
            "--methodology", "digital-rights-benchmark@1.0.0", "--file", file, "--as", email);

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Only_a_member_who_may_import_imports_and_that_member_cannot_approve(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.CivilSociety);
        var (_, outsider) = await app.CreateOrganizationAsync(OrganizationKind.CivilSociety);
        var analyst = await app.AddMemberAsync(org, Role.Analyst);
        var reviewer = await app.AddMemberAsync(org, Role.Reviewer);
        var viewer = await app.AddMemberAsync(org, Role.Viewer);
        var file = HoldingsCommandTests.Write(BenchmarkWorkflowTests.GoodCsv + "\n");

        (await ImportAsync(app, org.Slug, "CLI benchmark 2026", file, outsider.Email!))
            .AssertFailedWith($"--as: {outsider.Email} is not a member of {org.Slug}", "nothing was written");
        (await ImportAsync(app, org.Slug, "CLI benchmark 2026", file, "nobody@example.org"))
            .AssertFailedWith($"--as: nobody@example.org is not a member of {org.Slug}");
        (await ImportAsync(app, org.Slug, "CLI benchmark 2026", file, viewer.Email!))
            .AssertFailedWith($"--as: {viewer.Email} is viewer of {org.Slug} and may not import");
        (await ImportAsync(app, org.Slug, "CLI benchmark 2026", file, reviewer.Email!))
            .AssertFailedWith($"--as: {reviewer.Email} is reviewer of {org.Slug} and may not import");
        Assert.Equal(0, await QueryAsync(app, db => db.BenchmarkEditions.IgnoreQueryFilters().CountAsync(e => e.OrganizationId == org.Id)));
        Assert.Equal(0, await QueryAsync(app, db => db.Companies.IgnoreQueryFilters().CountAsync(c => c.OrganizationId == org.Id)));

        // An analyst may import; the edition and its assessments are in the analyst's name.
        var byAnalyst = (await ImportAsync(app, org.Slug, "CLI benchmark 2025", file, analyst.Email!)).AssertSucceeded();
        Assert.Contains($"with 2 companies as {analyst.Email}", byAnalyst.Out, StringComparison.Ordinal);
        var analystEdition = await QueryAsync(app, db => db.BenchmarkEditions.IgnoreQueryFilters().SingleAsync(e => e.OrganizationId == org.Id));
        Assert.Equal(analyst.Id, analystEdition.ImportedByUserId);
        Assert.All(await QueryAsync(app, db => db.Assessments.IgnoreQueryFilters().Where(a => a.OrganizationId == org.Id).ToListAsync()),
            a => Assert.Equal(analyst.Id, a.AuthorUserId));

        // The owner imports the next one and may review, but not its own import: four eyes on the approval page.
        (await ImportAsync(app, org.Slug, "CLI benchmark 2026", file, owner.Email!)).AssertSucceeded();
        var edition = await QueryAsync(app, db => db.BenchmarkEditions.IgnoreQueryFilters().SingleAsync(e => e.OrganizationId == org.Id && e.Year == 2026));
        var detail = $"/o/{org.Slug}/benchmark/{edition.Id}";
        var selfApproval = await Forms.PostAsync(await app.SignInAsync(owner.Email!), detail, new Dictionary<string, string>(), $"{detail}/approve");
        Assert.Equal(HttpStatusCode.BadRequest, selfApproval.StatusCode);
        Assert.Contains("another reviewer must approve it (four eyes)", await selfApproval.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(EditionStatus.Draft, (await QueryAsync(app, db => db.BenchmarkEditions.IgnoreQueryFilters().SingleAsync(e => e.Id == edition.Id))).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(await app.SignInAsync(reviewer.Email!), detail, new Dictionary<string, string>(), $"{detail}/approve")).StatusCode);
        var approved = await QueryAsync(app, db => db.BenchmarkEditions.IgnoreQueryFilters().SingleAsync(e => e.Id == edition.Id));
        Assert.Equal((EditionStatus.Approved, (Guid?)reviewer.Id), (approved.Status, approved.ApprovedByUserId));

        var audit = await QueryAsync(app, db => db.AuditEntries.IgnoreQueryFilters()
            .Where(e => e.OrganizationId == org.Id && e.TargetId == edition.Id.ToString("N")).ToListAsync());
        var imported = audit.Single(e => e.Action == "benchmark.imported");
        Assert.Equal((owner.Id.ToString("N"), owner.Email), (imported.ActorId, imported.Actor));
        Assert.Contains($"imported by {owner.Email}", imported.Summary, StringComparison.Ordinal);
        var approval = audit.Single(e => e.Action == "benchmark.approved");
        Assert.Equal(reviewer.Id.ToString("N"), approval.ActorId);
        Assert.Contains($"imported by {owner.Email}, approved as a whole by {reviewer.Email}", approval.Summary, StringComparison.Ordinal);
    }
}
