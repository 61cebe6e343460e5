using System.Net;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Methodologies;
using Rightscope.Core.Organizations;
using Rightscope.Features.Hrdd;
using Rightscope.Tests.Features.Assessments;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Hrdd.HrddSteps;

namespace Rightscope.Tests.Features.Hrdd;

/// <summary>HRIA projects: validation, the linked ungp-hria assessments, taking an impact into the register, concurrency, tenancy.</summary>
public sealed class HriaProjectTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_market_hria_needs_a_valid_country_and_is_saved_normalized_and_audited(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var client = await app.SignInAsync(owner.Email!);
        var page = $"/o/{org.Slug}/hria/new";

        var badCountry = await Forms.PostAsync(client, page, Hria("market", "Fictional market entry", "XX"));
        Assert.Equal(HttpStatusCode.BadRequest, badCountry.StatusCode);
        Assert.Contains("Country: \"XX\" is not an ISO 3166-1 country code", WebUtility.HtmlDecode(await badCountry.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var noCountry = Hria("market", "", "");
        noCountry["Input.Trigger"] = "whenever";
        noCountry["Input.Stage"] = "retirement";
        noCountry["Input.EndsOn"] = "2025-12-31";
        var refused = await Forms.PostAsync(client, page, noCountry);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Market country: an assessment of a market needs the country.", html, StringComparison.Ordinal);
        Assert.Contains("Name of the subject: enter a name of at most 200 characters.", html, StringComparison.Ordinal);
        Assert.Contains("Trigger: choose one of the events of Guiding Principle 18.", html, StringComparison.Ordinal);
        Assert.Contains("Stage of the product lifecycle: choose a stage.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Trigger\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Stage\"", html, StringComparison.Ordinal);
        Assert.Contains("End date: the end cannot be before the start.", html, StringComparison.Ordinal);
        Assert.Empty(await QueryAsync(app, db => db.HriaProjects.IgnoreQueryFilters().Where(p => p.OrganizationId == org.Id).ToListAsync()));

        var id = await CreateHriaAsync(client, org, Hria("market", "Fictional market entry", " ken "));
        var project = await QueryAsync(app, db => db.HriaProjects.IgnoreQueryFilters().SingleAsync(p => p.Id == id));
        Assert.Equal("KE", project.CountryCode);
        Assert.Equal(SubjectKind.Market, project.SubjectKind);
        Assert.Equal(HriaTrigger.NewActivityOrRelationship, project.Trigger);
        Assert.Equal(LifecycleStage.Deployment, project.Stage);
        Assert.Contains("market Fictional market entry (KE)", Assert.Single(await AuditAsync(app, org.Id, "hria.created")).Summary, StringComparison.Ordinal);

        var list = await HtmlAsync(client, $"/o/{org.Slug}/hria");
        Assert.Contains("Fictional market entry", list, StringComparison.Ordinal);
        Assert.Contains("New activity or business relationship", list, StringComparison.Ordinal);
        var overview = await HtmlAsync(client, $"/o/{org.Slug}/due-diligence");
        Assert.Contains("Planned</th><td>1</td>", overview.Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_project_starts_an_hria_assessment_and_takes_its_impact_into_the_register_once(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var client = await app.SignInAsync(owner.Email!);
        var id = await CreateHriaAsync(client, org, Hria("product", "Fictional Chat (fictional)"));
        var detail = $"/o/{org.Slug}/hria/{id}";

        var started = await Forms.PostAsync(client, detail, new Dictionary<string, string>(), $"{detail}?handler=start");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var assessmentId = Guid.Parse(started.Headers.Location!.OriginalString.Split('/')[^1]);
        var assessment = await QueryAsync(app, db => db.Assessments.IgnoreQueryFilters().SingleAsync(a => a.Id == assessmentId));
        Assert.Equal("ungp-hria", assessment.MethodologyKey);
        Assert.Equal(SubjectKind.Product, assessment.SubjectKind);
        Assert.Contains("\"lifecycle-stage\":\"deployment\"", assessment.Attributes, StringComparison.Ordinal);
        Assert.Single(await AuditAsync(app, org.Id, "hria.assessment-linked"));

        Assert.Equal(HttpStatusCode.Redirect, (await SalientImpactsTests.PostImpactAsync(client, org, assessmentId, SalientImpactsTests.Impact("privacy", "4", "3", "5", potential: "2", groups: ["users"]))).StatusCode);
        var impact = await QueryAsync(app, db => db.SalientImpacts.IgnoreQueryFilters().SingleAsync(i => i.AssessmentId == assessmentId));

        var page = await HtmlAsync(client, detail);
        Assert.Contains("Fictional: location data shared with a security agency.", page, StringComparison.Ordinal);
        Assert.Contains("Take into the register", page, StringComparison.Ordinal);

        var taken = await Forms.PostAsync(client, detail, new Dictionary<string, string> { ["impactId"] = impact.Id.ToString() }, $"{detail}?handler=take");
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        var issue = await QueryAsync(app, db => db.SalientIssues.IgnoreQueryFilters().SingleAsync(i => i.OrganizationId == org.Id));
        Assert.Equal($"/o/{org.Slug}/salient-issues/{issue.Id}?taken=1", taken.Headers.Location!.OriginalString);
        Assert.Equal((id, impact.Id), (issue.HriaProjectId!.Value, issue.SourceImpactId!.Value));
        Assert.Equal(("privacy", 4, 3, 5, 2, false), (issue.RightKey, issue.Scale, issue.Scope, issue.Irremediability, issue.Likelihood!.Value, issue.Actual));
        Assert.Equal(Involvement.Contribute, issue.Involvement);
        Assert.Equal("Fictional Chat (fictional)", issue.Product);
        Assert.Equal(["users"], issue.GroupKeys);
        Assert.Single(await AuditAsync(app, org.Id, "salient-issue.taken-from-impact"));

        // Taking it again opens the same issue and writes nothing.
        var again = await Forms.PostAsync(client, detail, new Dictionary<string, string> { ["impactId"] = impact.Id.ToString() }, $"{detail}?handler=take");
        Assert.Equal($"/o/{org.Slug}/salient-issues/{issue.Id}?taken=1", again.Headers.Location!.OriginalString);
        Assert.Single(await QueryAsync(app, db => db.SalientIssues.IgnoreQueryFilters().Where(i => i.OrganizationId == org.Id).ToListAsync()));
        Assert.Single(await AuditAsync(app, org.Id, "salient-issue.taken-from-impact"));
        Assert.Contains("In the register", await HtmlAsync(client, detail), StringComparison.Ordinal);

        // An impact of an assessment the project does not have is not taken.
        var unlinked = await SalientImpactsTests.StartHriaAsync(client, org);
        Assert.Equal(HttpStatusCode.Redirect, (await SalientImpactsTests.PostImpactAsync(client, org, unlinked, SalientImpactsTests.Impact("freedom-of-expression", "2", "2", "2", potential: "2", groups: ["users"]))).StatusCode);
        var other = await QueryAsync(app, db => db.SalientImpacts.IgnoreQueryFilters().SingleAsync(i => i.AssessmentId == unlinked));
        Assert.Equal(HttpStatusCode.NotFound, (await Forms.PostAsync(client, detail, new Dictionary<string, string> { ["impactId"] = other.Id.ToString() }, $"{detail}?handler=take")).StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Linking_checks_the_assessment_and_a_stale_edit_conflicts_and_outsiders_get_404(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var viewer = await app.AddMemberAsync(org, Role.Viewer);
        var client = await app.SignInAsync(owner.Email!);
        var id = await CreateHriaAsync(client, org, Hria("company", "Fictional Company Ltd. (fictional)"));
        var detail = $"/o/{org.Slug}/hria/{id}";
        var existing = await SalientImpactsTests.StartHriaAsync(client, org);

        Assert.Contains("Fictional Locator App", await HtmlAsync(client, detail), StringComparison.Ordinal);
        var linked = await Forms.PostAsync(client, detail, new Dictionary<string, string> { ["assessmentId"] = existing.ToString() }, $"{detail}?handler=link");
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        var twice = await Forms.PostAsync(client, detail, new Dictionary<string, string> { ["assessmentId"] = existing.ToString() }, $"{detail}?handler=link");
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("this assessment is already linked to the project", WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var unknown = await Forms.PostAsync(client, detail, new Dictionary<string, string> { ["assessmentId"] = Guid.NewGuid().ToString() }, $"{detail}?handler=link");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Single(await QueryAsync(app, db => db.HriaAssessments.IgnoreQueryFilters().Where(l => l.HriaProjectId == id).ToListAsync()));

        var version = (await QueryAsync(app, db => db.HriaProjects.IgnoreQueryFilters().SingleAsync(p => p.Id == id))).ConcurrencyToken.ToString();
        var first = Hria("company", "Fictional Company Ltd. (fictional)", status: "in-progress");
        first["Input.Version"] = version;
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(client, detail, first)).StatusCode);
        var stale = Hria("company", "Stale name", status: "completed");
        stale["Input.Version"] = version;
        var conflict = await Forms.PostAsync(client, detail, stale);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var project = await QueryAsync(app, db => db.HriaProjects.IgnoreQueryFilters().SingleAsync(p => p.Id == id));
        Assert.Equal(HriaStatus.InProgress, project.Status);
        Assert.Single(await AuditAsync(app, org.Id, "hria.updated"));

        var viewerClient = await app.SignInAsync(viewer.Email!);
        Assert.DoesNotContain("handler=start", await HtmlAsync(viewerClient, detail), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerClient.GetAsync($"/o/{org.Slug}/hria/new")).StatusCode);

        var (other, otherOwner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var outsider = await app.SignInAsync(otherOwner.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/o/{other.Slug}/hria/{id}")).StatusCode);
        Assert.DoesNotContain("Fictional Company Ltd.", await HtmlAsync(outsider, $"/o/{other.Slug}/hria"), StringComparison.Ordinal);
        var otherProject = await CreateHriaAsync(outsider, other, Hria("product", "Other product"));
        // Another organization's assessment cannot be linked through its own project.
        var foreign = await Forms.PostAsync(outsider, $"/o/{other.Slug}/hria/{otherProject}", new Dictionary<string, string> { ["assessmentId"] = existing.ToString() }, $"/o/{other.Slug}/hria/{otherProject}?handler=link");
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
    }
}
