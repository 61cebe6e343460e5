using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Core.Accounts;
using Rightscope.Core.Assessments;
using Rightscope.Core.Methodologies;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Features.Methodologies;
using Rightscope.Features.Organizations;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Assessments;

public sealed class AssessmentsTests
{
    private const string Section = "governance-policies-practices";

    private static readonly Dictionary<string, string> NoFields = [];

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_analyst_starts_an_assessment_answers_a_section_and_the_total_and_tier_follow(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, _) = await app.CreateOrganizationAsync();
        var analyst = await app.AddMemberAsync(org, Role.Analyst);
        var client = await app.SignInAsync(analyst.Email!);

        var id = await StartAsync(client, org);
        var started = await AssessmentAsync(app, id);
        Assert.Equal(AssessmentStatus.Draft, started.Status);
        Assert.Equal("1.0.0", started.MethodologyVersion);
        Assert.Null(started.Total);
        Assert.Single(await AuditAsync(app, org.Id, "assessment.created"));

        var allYes = await SaveSectionAsync(client, org, id, Answers(app, "yes"));
        Assert.Equal(HttpStatusCode.Redirect, allYes.StatusCode);
        var best = await AssessmentAsync(app, id);
        Assert.Equal(100, best.Total);
        Assert.Equal(1, best.Tier);

        var allNo = await SaveSectionAsync(client, org, id, Answers(app, "no"));
        Assert.Equal(HttpStatusCode.Redirect, allNo.StatusCode);
        var worst = await AssessmentAsync(app, id);
        Assert.Equal(0, worst.Total);
        Assert.Equal(3, worst.Tier);
        Assert.Equal(2, (await AuditAsync(app, org.Id, "assessment.answers-saved")).Count);

        var section = await (await client.GetAsync(SectionUrl(org, id))).Content.ReadAsStringAsync();
        var items = GovernanceItems(app);
        Assert.Contains($"{items.Count} of {items.Count} answered", section, StringComparison.Ordinal);
        var overview = await client.GetAsync($"/o/{org.Slug}/assessments/{id}");
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        var html = WebUtility.HtmlDecode(await overview.Content.ReadAsStringAsync());
        Assert.Contains("How the score was derived", html, StringComparison.Ordinal);
        Assert.Contains(items[0].Title.In("en"), html, StringComparison.Ordinal);
        Assert.Contains("Tier 3", html, StringComparison.Ordinal);

        var list = await (await client.GetAsync($"/o/{org.Slug}/assessments")).Content.ReadAsStringAsync();
        Assert.Contains($"/o/{org.Slug}/assessments/{id}\">Fictional Vision Systems</a>", list, StringComparison.Ordinal);
        Assert.Contains("surveillance-investor@1.0.0", list, StringComparison.Ordinal);
        Assert.Contains("Tier 3", list, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_assessment_whose_methodology_version_is_gone_is_not_found(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var assessment = new Assessment
        {
            OrganizationId = org.Id,
            SubjectName = "Fictional Old Company",
            MethodologyKey = "surveillance-investor",
            MethodologyVersion = "0.0.1",
            AuthorUserId = owner.Id,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
            db.Assessments.Add(assessment);
            await db.SaveChangesAsync();
        }

        var client = await app.SignInAsync(owner.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/o/{org.Slug}/assessments/{assessment.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/o/{org.Slug}/assessments/{assessment.Id}/sections/{Section}")).StatusCode);
        Assert.Contains("Fictional Old Company", await (await client.GetAsync($"/o/{org.Slug}/assessments")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_overview_and_its_derivation_read_in_chinese(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var client = await app.SignInAsync(owner.Email!);
        var id = await StartAsync(client, org);
        await SaveSectionAsync(client, org, id, Answers(app, "partial"));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/o/{org.Slug}/assessments/{id}");
        request.Headers.TryAddWithoutValidation("Accept-Language", "zh-CN");
        var html = WebUtility.HtmlDecode(await (await client.SendAsync(request)).Content.ReadAsStringAsync());

        Assert.Contains("得分如何得出", html, StringComparison.Ordinal);
        Assert.Contains("治理、政策和实践", html, StringComparison.Ordinal);
        Assert.Contains(GovernanceItems(app)[0].Title.In("zh-Hans"), html, StringComparison.Ordinal);
        Assert.Contains("草稿", html, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_benchmark_assessment_is_answered_per_service_where_the_scoring_level_says_so(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var client = await app.SignInAsync(owner.Email!);
        var newPage = $"/o/{org.Slug}/assessments/new?methodology=digital-rights-benchmark";
        var fields = new Dictionary<string, string>
        {
            ["Input.Methodology"] = "digital-rights-benchmark@1.0.0",
            ["Input.SubjectKind"] = "Company",
            ["Input.SubjectName"] = "Fictional Search Company",
            ["Input.Services"] = "Search Engine!",
        };
        Assert.Equal(HttpStatusCode.BadRequest, (await Forms.PostAsync(client, newPage, fields, $"/o/{org.Slug}/assessments/new")).StatusCode);
        fields["Input.Services"] = "search, mail";
        var created = await Forms.PostAsync(client, newPage, fields, $"/o/{org.Slug}/assessments/new");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        var sectionUrl = $"/o/{org.Slug}/assessments/{id}/sections/freedom-of-expression";

        var html = await (await client.GetAsync(sectionUrl)).Content.ReadAsStringAsync();
        Assert.Contains("name=\"answer:f1-plain-language:search\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"answer:f1-plain-language:mail\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"answer:f1-plain-language:company\"", html, StringComparison.Ordinal);

        var saved = await Forms.PostWithTokenAsync(client, sectionUrl, Forms.AntiforgeryToken(html), new Dictionary<string, string>
        {
            ["version"] = VersionOf(html),
            ["answer:f1-plain-language:search"] = "yes",
            ["note:f1-plain-language:search"] = "Terms are written in plain language.",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var answer = await scope.ServiceProvider.GetRequiredService<RightscopeDbContext>().AssessmentAnswers.IgnoreQueryFilters().SingleAsync(a => a.AssessmentId == id);
        Assert.Equal(("f1-plain-language", "search", "yes"), (answer.ItemKey, answer.Component, answer.OptionKey));
        Assert.Equal("Terms are written in plain language.", answer.Note);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_unknown_option_is_refused_with_400_and_nothing_is_saved(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var client = await app.SignInAsync(owner.Email!);
        var id = await StartAsync(client, org);
        var fields = Answers(app, "yes");
        fields[$"answer:{GovernanceItems(app)[^1].Key}:company"] = "maybe";

        var response = await SaveSectionAsync(client, org, id, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose one of the listed answers", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(app, db => db.AssessmentAnswers.IgnoreQueryFilters().CountAsync(a => a.AssessmentId == id)));
        Assert.Null((await AssessmentAsync(app, id)).Total);
        Assert.Empty(await AuditAsync(app, org.Id, "assessment.answers-saved"));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_section_form_older_than_the_last_save_is_refused_with_409(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var client = await app.SignInAsync(owner.Email!);
        var id = await StartAsync(client, org);
        var stale = VersionOf(await (await client.GetAsync(SectionUrl(org, id))).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await SaveSectionAsync(client, org, id, Answers(app, "yes"))).StatusCode);

        var response = await SaveSectionAsync(client, org, id, Answers(app, "no"), stale);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(100, (await AssessmentAsync(app, id)).Total);
        Assert.Single(await AuditAsync(app, org.Id, "assessment.answers-saved"));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Evidence_needs_a_title_and_an_http_address_and_then_shows_in_the_derivation(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var client = await app.SignInAsync(owner.Email!);
        var id = await StartAsync(client, org);
        var evidenceUrl = $"/o/{org.Slug}/assessments/{id}/evidence";
        var item = GovernanceItems(app)[0].Key;

        foreach (var (title, url) in new[] { ("Annual report", "javascript:alert(1)"), ("Annual report", "/relative"), ("", "https://example.org/report") })
        {
            var refused = await Forms.PostAsync(client, evidenceUrl, Evidence(item, title, url));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        Assert.Equal(0, await CountAsync(app, db => db.Evidence.IgnoreQueryFilters().CountAsync(e => e.AssessmentId == id)));

        var added = await Forms.PostAsync(client, evidenceUrl, Evidence(item, "Annual report 2025", "https://example.org/report"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var answered = await SaveSectionAsync(client, org, id, Answers(app, "yes"));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var evidence = await app.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<RightscopeDbContext>()
            .Evidence.IgnoreQueryFilters().SingleAsync(e => e.AssessmentId == id);
        Assert.Equal("https://example.org/report", evidence.Url);
        Assert.Single(await AuditAsync(app, org.Id, "assessment.evidence-added"));
        Assert.Contains("Annual report 2025", await (await client.GetAsync(evidenceUrl)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_reviewer_approves_a_submitted_assessment_but_its_author_cannot(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var reviewer = await app.AddMemberAsync(org, Role.Reviewer);
        var author = await app.SignInAsync(owner.Email!);
        var id = await StartAsync(author, org);
        var overview = $"/o/{org.Slug}/assessments/{id}";

        // Incomplete work is not submitted: an unanswered question would drop out of the score.
        var incomplete = await Forms.PostAsync(author, overview, NoFields, $"{overview}/submit");
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Contains("Answer every question before submitting for review: 0 of ", System.Net.WebUtility.HtmlDecode(await incomplete.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(AssessmentStatus.Draft, (await AssessmentAsync(app, id)).Status);
        Assert.Empty(await AuditAsync(app, org.Id, "assessment.submitted"));

        await Completion.CompleteAsync(author, overview);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(author, overview, NoFields, $"{overview}/submit")).StatusCode);
        Assert.Equal(AssessmentStatus.InReview, (await AssessmentAsync(app, id)).Status);
        // Answers are frozen once submitted.
        Assert.Equal(HttpStatusCode.BadRequest, (await SaveSectionAsync(author, org, id, Answers(app, "yes"))).StatusCode);

        var own = await Forms.PostAsync(author, overview, Decision("approve"), $"{overview}/review");
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Contains("another person must approve it", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(AssessmentStatus.InReview, (await AssessmentAsync(app, id)).Status);
        Assert.Empty(await AuditAsync(app, org.Id, "assessment.approved"));

        var reviewerClient = await app.SignInAsync(reviewer.Email!);
        var pastReview = new Dictionary<string, string>(Decision("approve")) { ["nextReviewOn"] = "2001-01-01" };
        Assert.Equal(HttpStatusCode.BadRequest, (await Forms.PostAsync(reviewerClient, overview, pastReview, $"{overview}/review")).StatusCode);
        Assert.Equal(AssessmentStatus.InReview, (await AssessmentAsync(app, id)).Status);
        var nextReview = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1);
        var withReview = new Dictionary<string, string>(Decision("approve")) { ["nextReviewOn"] = nextReview.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
        var approved = await Forms.PostAsync(reviewerClient, overview, withReview, $"{overview}/review");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var assessment = await AssessmentAsync(app, id);
        Assert.Equal(AssessmentStatus.Approved, assessment.Status);
        Assert.Equal(reviewer.Id, assessment.ApprovedByUserId);
        Assert.Equal(nextReview, assessment.NextReviewOn);
        Assert.Single(await AuditAsync(app, org.Id, "assessment.submitted"));
        Assert.Equal(reviewer.Email, Assert.Single(await AuditAsync(app, org.Id, "assessment.approved")).Actor);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_reviewer_returns_an_assessment_to_draft(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var reviewer = await app.AddMemberAsync(org, Role.Reviewer);
        var author = await app.SignInAsync(owner.Email!);
        var id = await StartAsync(author, org);
        var overview = $"/o/{org.Slug}/assessments/{id}";
        await Completion.CompleteAsync(author, overview);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(author, overview, NoFields, $"{overview}/submit")).StatusCode);

        var returned = await Forms.PostAsync(await app.SignInAsync(reviewer.Email!), overview, Decision("return"), $"{overview}/review");

        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal(AssessmentStatus.Draft, (await AssessmentAsync(app, id)).Status);
        Assert.Single(await AuditAsync(app, org.Id, "assessment.returned"));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_viewer_reads_but_cannot_change_and_an_analyst_cannot_approve(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var viewer = await app.AddMemberAsync(org, Role.Viewer);
        var analyst = await app.AddMemberAsync(org, Role.Analyst);
        var author = await app.SignInAsync(owner.Email!);
        var id = await StartAsync(author, org);
        var overview = $"/o/{org.Slug}/assessments/{id}";
        await Completion.CompleteAsync(author, overview);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(author, overview, NoFields, $"{overview}/submit")).StatusCode);

        var viewerClient = await app.SignInAsync(viewer.Email!);
        Assert.Equal(HttpStatusCode.OK, (await viewerClient.GetAsync(overview)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewerClient.GetAsync(SectionUrl(org, id))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewerClient.GetAsync($"{overview}/evidence")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SaveSectionAsync(viewerClient, org, id, Answers(app, "yes"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Forms.PostAsync(viewerClient, overview, Evidence(GovernanceItems(app)[0].Key, "Report", ""), $"{overview}/evidence")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Forms.PostAsync(viewerClient, overview, Decision("approve"), $"{overview}/review")).StatusCode);

        var analystClient = await app.SignInAsync(analyst.Email!);
        Assert.Equal(HttpStatusCode.Forbidden, (await Forms.PostAsync(analystClient, overview, Decision("approve"), $"{overview}/review")).StatusCode);
        Assert.Equal(AssessmentStatus.InReview, (await AssessmentAsync(app, id)).Status);
        // The viewer's "yes" answers were refused: the completed assessment holds only "not applicable".
        Assert.Equal(0, await CountAsync(app, db => db.AssessmentAnswers.IgnoreQueryFilters().CountAsync(a => a.AssessmentId == id && a.OptionKey == "yes")));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_member_of_another_organization_gets_404_and_cannot_post_answers(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var (otherOrg, otherOwner) = await app.CreateOrganizationAsync();
        var id = await StartAsync(await app.SignInAsync(owner.Email!), org);
        var outsider = await app.SignInAsync(otherOwner.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/o/{org.Slug}/assessments/{id}")).StatusCode);
        // Through their own organization's URL the assessment does not exist either.
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/o/{otherOrg.Slug}/assessments/{id}")).StatusCode);
        var ownPage = $"/o/{otherOrg.Slug}/assessments";
        var posted = await Forms.PostAsync(outsider, ownPage, Answers(app, "yes"), SectionUrl(otherOrg, id));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(0, await CountAsync(app, db => db.AssessmentAnswers.IgnoreQueryFilters().CountAsync(a => a.AssessmentId == id)));
    }

    private static string SectionUrl(Organization org, Guid id) => $"/o/{org.Slug}/assessments/{id}/sections/{Section}";

    /// <summary>Posts the section form with the anti-forgery token and the version the page was rendered from.</summary>
    private static async Task<HttpResponseMessage> SaveSectionAsync(HttpClient client, Organization org, Guid id, Dictionary<string, string> answers, string? version = null)
    {
        var html = await (await client.GetAsync(SectionUrl(org, id))).Content.ReadAsStringAsync();
        var fields = new Dictionary<string, string>(answers) { ["version"] = version ?? VersionOf(html) };
        return await Forms.PostWithTokenAsync(client, SectionUrl(org, id), Forms.AntiforgeryToken(html), fields);
    }

    private static string VersionOf(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"version\" value=\"([0-9a-f-]+)\"").Groups[1].Value;

    internal static async Task<Guid> StartAsync(HttpClient client, Organization org)
    {
        var response = await Forms.PostAsync(
            client,
            $"/o/{org.Slug}/assessments/new?methodology=surveillance-investor",
            new Dictionary<string, string>
            {
                ["Input.Methodology"] = "surveillance-investor@1.0.0",
                ["Input.SubjectKind"] = "Company",
                ["Input.SubjectName"] = "Fictional Vision Systems",
                ["Input.Attributes[exposure-type]"] = "1",
                ["Input.Attributes[targeted-intrusion]"] = "no",
            },
            $"/o/{org.Slug}/assessments/new");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static List<Node> GovernanceItems(RightscopeFactory app)
    {
        var methodology = app.Services.GetRequiredService<MethodologyRegistry>().Shipped.Find("surveillance-investor", "1.0.0")!;
        return [.. methodology.Structure.Single(n => n.Key == Section).DescendantsAndSelf().Where(n => n.IsItem)];
    }

    private static Dictionary<string, string> Answers(RightscopeFactory app, string option) =>
        GovernanceItems(app).ToDictionary(item => $"answer:{item.Key}:company", _ => option);

    private static Dictionary<string, string> Evidence(string item, string title, string url) => new()
    {
        ["Input.ItemKey"] = item,
        ["Input.SourceKind"] = "CompanyDisclosure",
        ["Input.Title"] = title,
        ["Input.Url"] = url,
        ["Input.Reliability"] = "High",
    };

    private static Dictionary<string, string> Decision(string decision) => new() { ["decision"] = decision };

    internal static async Task<Assessment> AssessmentAsync(RightscopeFactory app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RightscopeDbContext>().Assessments.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Id == id);
    }

    internal static async Task<int> CountAsync(RightscopeFactory app, Func<RightscopeDbContext, Task<int>> count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await count(scope.ServiceProvider.GetRequiredService<RightscopeDbContext>());
    }

    internal static async Task<List<AuditEntry>> AuditAsync(RightscopeFactory app, Guid organizationId, string action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RightscopeDbContext>().AuditEntries.IgnoreQueryFilters()
            .Where(e => e.OrganizationId == organizationId && e.Action == action).ToListAsync();
    }
}
