using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Core.Accounts;
using Rightscope.Core.Assessments;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Organizations;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Assessments;

/// <summary>Re-assessment from the last approved assessment, the diff, and superseding on approval.</summary>
public sealed class ReassessmentTests
{
    private static readonly Dictionary<string, string> NoFields = [];

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_reassessment_carries_answers_evidence_and_impacts_shows_its_changes_and_supersedes_on_approval(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, _) = await app.CreateOrganizationAsync();
        var analyst = await app.AddMemberAsync(org, Role.Analyst);
        var reviewer = await app.AddMemberAsync(org, Role.Reviewer);
        var author = await app.SignInAsync(analyst.Email!);
        var approver = await app.SignInAsync(reviewer.Email!);

        var first = await SalientImpactsTests.StartHriaAsync(author, org);
        Assert.Equal(HttpStatusCode.Redirect, (await SalientImpactsTests.PostImpactAsync(author, org, first,
            SalientImpactsTests.Impact("privacy", "4", "3", "3", potential: "3", groups: ["users"]))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(author, Url(org, first, "evidence"), new Dictionary<string, string>
        {
            ["Input.ItemKey"] = "affected-stakeholders-consulted",
            ["Input.SourceKind"] = "Interview",
            ["Input.Title"] = "Fictional interview notes",
            ["Input.Reliability"] = "Medium",
        })).StatusCode);
        await ApproveAsync(author, approver, org, first);

        // Only approved assessments can be re-assessed; the page offers the methodology's versions.
        var reassess = await author.GetAsync(Url(org, first, "reassess"));
        Assert.Equal(HttpStatusCode.OK, reassess.StatusCode);
        Assert.Contains("ungp-hria@1.0.0", await reassess.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var started = await Forms.PostAsync(author, Url(org, first, "reassess"), new Dictionary<string, string> { ["Version"] = "1.0.0" });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var second = Guid.Parse(started.Headers.Location!.OriginalString.Split('/')[^1]);
        Assert.NotEqual(first, second);

        var draft = await AssessmentsTests.AssessmentAsync(app, second);
        Assert.Equal(AssessmentStatus.Draft, draft.Status);
        Assert.Equal(first, draft.PreviousAssessmentId);
        Assert.Equal(2, (await AssessmentsTests.AssessmentAsync(app, second)).Tier); // the impact of severity 4 is carried and floors the tier
        Assert.Equal(1, await AssessmentsTests.CountAsync(app, db => db.Evidence.IgnoreQueryFilters().CountAsync(e => e.AssessmentId == second)));
        Assert.Equal(1, await AssessmentsTests.CountAsync(app, db => db.SalientImpacts.IgnoreQueryFilters().CountAsync(i => i.AssessmentId == second)));
        Assert.Single(await AssessmentsTests.AuditAsync(app, org.Id, "assessment.reassessment-started"));

        // Nothing changed yet.
        var unchanged = WebUtility.HtmlDecode(await (await author.GetAsync(Url(org, second, "changes"))).Content.ReadAsStringAsync());
        Assert.Contains("No changes.", unchanged, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"answer-changes\"", unchanged, StringComparison.Ordinal);

        // A second re-assessment of the same assessment is refused while the first exists.
        var again = await Forms.PostAsync(author, Url(org, first, "reassess"), new Dictionary<string, string> { ["Version"] = "1.0.0" }, Url(org, first, "reassess"));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(1, await AssessmentsTests.CountAsync(app, db => db.Assessments.IgnoreQueryFilters().CountAsync(a => a.PreviousAssessmentId == first)));

        // Answer one question and lower the impact's scale: the diff shows both.
        const string section = "stakeholder-engagement", item = "affected-stakeholders-consulted";
        var html = await (await author.GetAsync(Url(org, second, $"sections/{section}"))).Content.ReadAsStringAsync();
        var version = System.Text.RegularExpressions.Regex.Match(html, "name=\"version\" value=\"([0-9a-f-]+)\"").Groups[1].Value;
        var saved = await Forms.PostWithTokenAsync(author, Url(org, second, $"sections/{section}"), Forms.AntiforgeryToken(html), new Dictionary<string, string>
        {
            [$"answer:{item}:company"] = "in-place",
            ["version"] = version,
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var impact = await SingleImpactAsync(app, second);
        var lowered = SalientImpactsTests.Impact("privacy", "2", "3", "3", potential: "3", groups: ["users"]);
        lowered["ImpactId"] = impact.Id.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await SalientImpactsTests.PostImpactAsync(author, org, second, lowered)).StatusCode);

        var changes = WebUtility.HtmlDecode(await (await author.GetAsync(Url(org, second, "changes"))).Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"answer-changes\"", changes, StringComparison.Ordinal);
        Assert.Contains("In place", changes, StringComparison.Ordinal);
        Assert.Contains("4 / 3 / 3 → 2 / 3 / 3", changes, StringComparison.Ordinal);
        Assert.Contains("Right to privacy", changes, StringComparison.Ordinal);

        // Approving the re-assessment supersedes the first, in the same audit entry.
        await ApproveAsync(author, approver, org, second);
        Assert.Equal(AssessmentStatus.Superseded, (await AssessmentsTests.AssessmentAsync(app, first)).Status);
        Assert.Equal(AssessmentStatus.Approved, (await AssessmentsTests.AssessmentAsync(app, second)).Status);
        var approval = (await AssessmentsTests.AuditAsync(app, org.Id, "assessment.approved")).OrderBy(e => e.Sequence).Last();
        Assert.Contains($"supersedes {first:N}", approval.Summary, StringComparison.Ordinal);
        var overview = WebUtility.HtmlDecode(await (await author.GetAsync($"/o/{org.Slug}/assessments/{first}")).Content.ReadAsStringAsync());
        Assert.Contains("Superseded by", overview, StringComparison.Ordinal);
        Assert.Contains($"/o/{org.Slug}/assessments/{second}", overview, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_reassessment_under_a_new_version_keeps_the_answers_that_fit_and_the_diff_shows_the_rest(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, _) = await app.CreateOrganizationAsync();
        await WithDbAsync(app, db =>
        {
            TwoVersions.AddTo(db, org.Id, "1.0.0", "1.1.0");
            return db.SaveChangesAsync();
        });
        var analyst = await app.AddMemberAsync(org, Role.Analyst);
        var reviewer = await app.AddMemberAsync(org, Role.Reviewer);
        var author = await app.SignInAsync(analyst.Email!);
        var approver = await app.SignInAsync(reviewer.Email!);

        var first = await StartSupplierScreenAsync(author, org);
        var html = await (await author.GetAsync(Url(org, first, "sections/policy"))).Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostWithTokenAsync(author, Url(org, first, "sections/policy"), Forms.AntiforgeryToken(html), new Dictionary<string, string>
        {
            ["answer:has-policy:company"] = "yes",
            ["answer:has-grievance:company"] = "no",
            ["version"] = System.Text.RegularExpressions.Regex.Match(html, "name=\"version\" value=\"([0-9a-f-]+)\"").Groups[1].Value,
        })).StatusCode);
        await ApproveAsync(author, approver, org, first);
        Assert.Equal(1, (await AssessmentsTests.AssessmentAsync(app, first)).Tier); // 50 ≥ 45

        var page = await (await author.GetAsync(Url(org, first, "reassess"))).Content.ReadAsStringAsync();
        Assert.Contains("supplier-screen@1.1.0", page, StringComparison.Ordinal);
        Assert.Contains("1 answers carried over, 1 no longer fit", page, StringComparison.Ordinal);
        var badVersion = await Forms.PostAsync(author, Url(org, first, "reassess"), new Dictionary<string, string> { ["Version"] = "9.9.9" });
        Assert.Equal(HttpStatusCode.BadRequest, badVersion.StatusCode);
        Assert.Equal(0, await AssessmentsTests.CountAsync(app, db => db.Assessments.IgnoreQueryFilters().CountAsync(a => a.PreviousAssessmentId == first)));

        var started = await Forms.PostAsync(author, Url(org, first, "reassess"), new Dictionary<string, string> { ["Version"] = "1.1.0" });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var second = Guid.Parse(started.Headers.Location!.OriginalString.Split('/')[^1]);
        var draft = await AssessmentsTests.AssessmentAsync(app, second);
        Assert.Equal("1.1.0", draft.MethodologyVersion);
        Assert.Equal(100, draft.Total);
        Assert.Equal(1, draft.Tier);

        var changes = WebUtility.HtmlDecode(await (await author.GetAsync(Url(org, second, "changes"))).Content.ReadAsStringAsync());
        Assert.Contains("supplier-screen@1.0.0", changes, StringComparison.Ordinal);
        Assert.Contains("supplier-screen@1.1.0", changes, StringComparison.Ordinal);
        Assert.Contains("Does it run a grievance channel?", changes, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"total-after\">100<", changes, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_draft_cannot_be_reassessed_a_viewer_cannot_start_one_and_an_assessment_without_predecessor_has_no_changes_page(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, _) = await app.CreateOrganizationAsync();
        var analyst = await app.AddMemberAsync(org, Role.Analyst);
        var viewer = await app.AddMemberAsync(org, Role.Viewer);
        var author = await app.SignInAsync(analyst.Email!);
        var id = await SalientImpactsTests.StartHriaAsync(author, org);

        var refused = await Forms.PostAsync(author, $"/o/{org.Slug}/assessments/{id}", new Dictionary<string, string> { ["Version"] = "1.0.0" }, Url(org, id, "reassess"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Only an approved assessment can be re-assessed.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await author.GetAsync(Url(org, id, "changes"))).StatusCode);

        var viewerClient = await app.SignInAsync(viewer.Email!);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerClient.GetAsync(Url(org, id, "reassess"))).StatusCode);
        Assert.Equal(1, await AssessmentsTests.CountAsync(app, db => db.Assessments.IgnoreQueryFilters().CountAsync()));
    }

    private static string Url(Organization org, Guid id, string rest) => $"/o/{org.Slug}/assessments/{id}/{rest}";

    private static async Task ApproveAsync(HttpClient author, HttpClient approver, Organization org, Guid id)
    {
        var overview = $"/o/{org.Slug}/assessments/{id}";
        await Completion.CompleteAsync(author, overview);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(author, overview, NoFields, $"{overview}/submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(approver, overview, new Dictionary<string, string> { ["decision"] = "approve" }, $"{overview}/review")).StatusCode);
    }

    private static async Task<Guid> StartSupplierScreenAsync(HttpClient client, Organization org)
    {
        var response = await Forms.PostAsync(
            client,
            $"/o/{org.Slug}/assessments/new?methodology=supplier-screen",
            new Dictionary<string, string>
            {
                ["Input.Methodology"] = "supplier-screen@1.0.0",
                ["Input.SubjectKind"] = "Company",
                ["Input.SubjectName"] = "Fictional Supplier Ltd",
            },
            $"/o/{org.Slug}/assessments/new");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static async Task WithDbAsync(RightscopeFactory app, Func<RightscopeDbContext, Task> body)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await body(scope.ServiceProvider.GetRequiredService<RightscopeDbContext>());
    }

    private static async Task<SalientImpact> SingleImpactAsync(RightscopeFactory app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RightscopeDbContext>().SalientImpacts.IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.AssessmentId == id);
    }
}
