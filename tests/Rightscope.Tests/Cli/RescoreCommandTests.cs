using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Assessments;
using Rightscope.Core.Scoring;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Tests.Features.Assessments;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Cli;

/// <summary><c>rightscope rescore</c>: drafts move to the new version; approved assessments are only compared.</summary>
public sealed class RescoreCommandTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Drafts_move_to_the_new_version_and_approved_assessments_are_compared_without_change(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await Cli.CreateOwnerAsync(database, "owner@example.org", "stewards")).AssertSucceeded();
        var (draftId, approvedId) = await Cli.WithDbAsync(database, async (db, _) =>
        {
            var org = await db.Organizations.SingleAsync(o => o.Slug == "stewards");
            TwoVersions.AddTo(db, org.Id, "1.0.0", "1.1.0");
            var draft = Assessment(db, org.Id, AssessmentStatus.Draft, "Fictional Draft Co");
            var approved = Assessment(db, org.Id, AssessmentStatus.Approved, "Fictional Approved Co");
            await db.SaveChangesAsync();
            return (draft, approved);
        });

        var dry = (await Cli.RunAsync(database, "", "rescore", "--methodology", "supplier-screen@1.1.0", "--dry-run")).AssertSucceeded();
        Assert.Contains("would move", dry.Out, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", dry.Out, StringComparison.Ordinal);
        Assert.Equal("1.0.0", (await LoadAsync(database, draftId)).MethodologyVersion);

        var run = (await Cli.RunAsync(database, "", "rescore", "--methodology", "supplier-screen@1.1.0")).AssertSucceeded();

        // 1.0.0: yes + no = 50 → tier 1 (≥ 45). 1.1.0 drops has-grievance: yes alone = 100, and tier 1 needs 90.
        var draftLine = Assert.Single(run.Out.Split('\n'), l => l.Contains(draftId.ToString("N"), StringComparison.Ordinal));
        Assert.Contains("supplier-screen@1.0.0 total 50 tier 1 → supplier-screen@1.1.0 total 100 tier 1", draftLine, StringComparison.Ordinal);
        Assert.Contains("1 answers kept, 1 dropped; moved", draftLine, StringComparison.Ordinal);
        Assert.Contains("dropped: has-grievance [company] = no", run.Out, StringComparison.Ordinal);
        var approvedLine = Assert.Single(run.Out.Split('\n'), l => l.Contains(approvedId.ToString("N"), StringComparison.Ordinal));
        Assert.Contains("what-if", approvedLine, StringComparison.Ordinal);
        Assert.Contains("1 draft(s) moved to supplier-screen@1.1.0; 1 other assessment(s) compared without change.", run.Out, StringComparison.Ordinal);

        var draft = await LoadAsync(database, draftId);
        Assert.Equal("1.1.0", draft.MethodologyVersion);
        Assert.Equal(100, draft.Total);
        var draftAnswers = await Cli.WithDbAsync(database, (db, _) => db.AssessmentAnswers.IgnoreQueryFilters().Where(a => a.AssessmentId == draftId).Select(a => a.ItemKey).ToListAsync());
        Assert.Equal(["has-policy"], draftAnswers);

        var approved = await LoadAsync(database, approvedId);
        Assert.Equal("1.0.0", approved.MethodologyVersion);
        Assert.Equal(50, approved.Total);
        Assert.Equal(2, await Cli.WithDbAsync(database, (db, _) => db.AssessmentAnswers.IgnoreQueryFilters().CountAsync(a => a.AssessmentId == approvedId)));

        var audit = await Cli.WithDbAsync(database, (db, _) => db.AuditEntries.IgnoreQueryFilters().Where(e => e.Action == "assessment.rescored").ToListAsync());
        Assert.Contains(draftId.ToString("N"), Assert.Single(audit).Summary, StringComparison.Ordinal);
        (await Cli.RunAsync(database, "", "audit", "verify")).AssertSucceeded();

        // Run again: nothing left to move.
        var second = (await Cli.RunAsync(database, "", "rescore", "--methodology", "supplier-screen@1.1.0")).AssertSucceeded();
        Assert.Contains("0 draft(s) moved", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_version_or_organization_fails_and_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(ProviderData.Sqlite);
        (await Cli.CreateOwnerAsync(database, "owner@example.org", "stewards")).AssertSucceeded();

        (await Cli.RunAsync(database, "", "rescore", "--methodology", "surveillance-investor@9.9.9")).AssertFailedWith("surveillance-investor@9.9.9", "not in the catalog");
        (await Cli.RunAsync(database, "", "rescore", "--methodology", "surveillance-investor")).AssertFailedWith("--methodology", "KEY@VERSION");
        (await Cli.RunAsync(database, "", "rescore", "--methodology", "surveillance-investor@1.0.0", "--org", "nobody")).AssertFailedWith("--org", "nobody");
        Assert.Equal(0, await Cli.WithDbAsync(database, (db, _) => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.Action == "assessment.rescored")));
    }

    private static Guid Assessment(RightscopeDbContext db, Guid organizationId, AssessmentStatus status, string subject)
    {
        var assessment = new Assessment
        {
            OrganizationId = organizationId,
            SubjectName = subject,
            MethodologyKey = TwoVersions.Key,
            MethodologyVersion = "1.0.0",
            Status = status,
            Total = 50,
            Tier = 1,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        db.Assessments.Add(assessment);
        foreach (var (item, option) in new[] { ("has-policy", "yes"), ("has-grievance", "no") })
        {
            db.AssessmentAnswers.Add(new AssessmentAnswer
            {
                OrganizationId = organizationId,
                AssessmentId = assessment.Id,
                ItemKey = item,
                Component = AssessmentInput.Company,
                OptionKey = option,
                AnsweredAt = DateTime.UtcNow,
            });
        }

        return assessment.Id;
    }

    private static Task<Assessment> LoadAsync(TestDatabase database, Guid id) =>
        Cli.WithDbAsync(database, (db, _) => db.Assessments.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Id == id));
}
