using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Core.Accounts;
using Rightscope.Core.Methodologies;
using Rightscope.Features.Methodologies;
using Rightscope.Features.Organizations;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Organizations.MemberTestSupport;

namespace Rightscope.Tests.Features.Api;

/// <summary>The assessments API: the same validation, scoring, audit and permissions as the pages, as JSON.</summary>
public sealed class AssessmentApiTests
{
    internal const string Section = "governance-policies-practices";

    internal static string Assessments(Organization org) => $"/api/v1/orgs/{org.Slug}/assessments";

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_token_creates_a_draft_answers_it_and_the_total_tier_and_derivation_follow(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, _) = await app.CreateOrganizationAsync();
        var api = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Analyst));

        var created = await CreateAsync(api, org);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await JsonAsync(created);
        var id = draft.GetProperty("id").GetGuid();
        Assert.Equal($"{Assessments(org)}/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.Equal("company", draft.GetProperty("subject").GetProperty("kind").GetString());
        Assert.Equal("surveillance-investor@1.0.0", draft.GetProperty("methodology").GetString());
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("result").GetProperty("total").ValueKind);

        var best = await api.PutAsJsonAsync($"{Assessments(org)}/{id}/answers", Answers(app, draft, "yes"));
        Assert.Equal(HttpStatusCode.OK, best.StatusCode);
        var scored = await JsonAsync(best);
        Assert.Equal(100, scored.GetProperty("result").GetProperty("total").GetDouble());
        Assert.Equal(1, scored.GetProperty("result").GetProperty("tier").GetInt32());
        Assert.Equal("invest", scored.GetProperty("result").GetProperty("recommendedDecision").GetProperty("decision").GetString());

        var worst = await api.PutAsJsonAsync($"{Assessments(org)}/{id}/answers", Answers(app, scored, "no"));
        Assert.Equal(HttpStatusCode.OK, worst.StatusCode);
        var detail = await JsonAsync(await api.GetAsync($"{Assessments(org)}/{id}"));
        var result = detail.GetProperty("result");
        Assert.Equal(0, result.GetProperty("total").GetDouble());
        Assert.Equal(3, result.GetProperty("tier").GetInt32());
        var items = GovernanceItems(app);
        Assert.Equal(items.Count, detail.GetProperty("answers").GetArrayLength());
        Assert.Equal(items.Count, result.GetProperty("completeness").GetProperty("answered").GetInt32());
        var steps = result.GetProperty("derivation").EnumerateArray().ToList();
        var itemStep = steps.Single(s => s.GetProperty("step").GetString() == "item" && s.GetProperty("item").GetString() == items[0].Key);
        Assert.Equal("no", itemStep.GetProperty("option").GetString());
        Assert.Equal("scored", itemStep.GetProperty("status").GetString());
        Assert.Contains(steps, s => s.GetProperty("step").GetString() == "tier" && s.GetProperty("tier").GetInt32() == 3);

        // The cached total and tier the lists show follow the answers, exactly as after a page save.
        var stored = await QueryAsync(app, db => db.Assessments.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal((0.0, 3), (stored.Total, stored.Tier));
        var listed = (await JsonAsync(await api.GetAsync(Assessments(org)))).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(3, listed.GetProperty("tier").GetInt32());

        var createdEntry = Assert.Single(await AuditAsync(app, org.Id, "assessment.created"));
        Assert.StartsWith("api-token:rs_", createdEntry.Actor, StringComparison.Ordinal);
        Assert.Equal(2, (await AuditAsync(app, org.Id, "assessment.answers-saved")).Count);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_draft_is_validated_like_the_new_assessment_page(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, _) = await app.CreateOrganizationAsync();
        var api = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Analyst));

        var response = await api.PostAsJsonAsync(Assessments(org), new
        {
            methodology = "surveillance-investor@1.0.0",
            subjectKind = "Planet",
            subjectName = "",
            attributes = new Dictionary<string, string> { ["exposure-type"] = "9" },
            services = new[] { "search" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        foreach (var field in new[] { "subjectKind", "subjectName", "attributes[exposure-type]", "attributes[targeted-intrusion]", "services" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        var unknown = await api.PostAsJsonAsync(Assessments(org), new { methodology = "no-such-methodology@1.0.0" });
        Assert.True((await JsonAsync(unknown)).GetProperty("errors").TryGetProperty("methodology", out _));
        var notJson = await api.PostAsync(Assessments(org), new StringContent("{\"subjectName\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(0, await QueryAsync(app, db => db.Assessments.IgnoreQueryFilters().CountAsync(a => a.OrganizationId == org.Id)));
        Assert.Empty(await AuditAsync(app, org.Id, "assessment.created"));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Wrong_answers_are_refused_with_400_naming_the_field_and_nothing_is_saved(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, _) = await app.CreateOrganizationAsync();
        var api = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Analyst));
        var draft = await JsonAsync(await CreateAsync(api, org));
        var url = $"{Assessments(org)}/{draft.GetProperty("id").GetGuid()}/answers";
        var version = draft.GetProperty("version").GetGuid();
        var item = GovernanceItems(app)[0].Key;

        var cases = new (object Answer, string Field)[]
        {
            (new { itemKey = item, component = "company", option = "maybe" }, "answers[2].option"),
            (new { itemKey = "no-such-item", component = "company", option = "yes" }, "answers[2].itemKey"),
            (new { itemKey = item, component = "mail", option = "yes" }, "answers[2].component"),
            (new { itemKey = item, component = "company", option = (string?)null, note = "a note without an answer" }, "answers[2].option"),
            (new { itemKey = item, component = "company", option = "yes", note = new string('n', 2001) }, "answers[2].note"),
        };
        foreach (var (answer, field) in cases)
        {
            var valid = GovernanceItems(app).Skip(1).Take(2).Select(i => (object)new { itemKey = i.Key, component = "company", option = "yes" });
            var response = await api.PutAsJsonAsync(url, new { version, answers = valid.Append(answer).ToArray() });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var errors = (await JsonAsync(response)).GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out _), $"expected {field}, got {errors}");
        }

        var noVersion = await api.PutAsJsonAsync(url, new { answers = new[] { new { itemKey = item, component = "company", option = "yes" } } });
        Assert.True((await JsonAsync(noVersion)).GetProperty("errors").TryGetProperty("version", out _));
        var wrongType = await api.PutAsync(url, new StringContent($"{{\"version\":\"{version}\",\"answers\":[{{\"itemKey\":7}}]}}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.True((await JsonAsync(wrongType)).GetProperty("errors").TryGetProperty("answers[0].itemKey", out _));
        var stale = await api.PutAsJsonAsync(url, new { version = Guid.NewGuid(), answers = new[] { new { itemKey = item, component = "company", option = "yes" } } });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        Assert.Equal(0, await QueryAsync(app, db => db.AssessmentAnswers.IgnoreQueryFilters().CountAsync(a => a.OrganizationId == org.Id)));
        Assert.Empty(await AuditAsync(app, org.Id, "assessment.answers-saved"));
        var unchanged = await JsonAsync(await api.GetAsync($"{Assessments(org)}/{draft.GetProperty("id").GetGuid()}"));
        Assert.Equal(version, unchanged.GetProperty("version").GetGuid());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Evidence_needs_a_title_and_an_http_address_and_its_id_appears_in_the_derivation(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, _) = await app.CreateOrganizationAsync();
        var api = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Analyst));
        var draft = await JsonAsync(await CreateAsync(api, org));
        var id = draft.GetProperty("id").GetGuid();
        var item = GovernanceItems(app)[0].Key;

        foreach (var (title, url, field) in new[] { ("Annual report", "javascript:alert(1)", "url"), ("Annual report", "/relative", "url"), ("", "https://example.org/report", "title") })
        {
            var refused = await api.PostAsJsonAsync($"{Assessments(org)}/{id}/evidence", Evidence(item, title, url));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await JsonAsync(refused)).GetProperty("errors").TryGetProperty(field, out _));
        }

        Assert.Equal(0, await QueryAsync(app, db => db.Evidence.IgnoreQueryFilters().CountAsync(e => e.AssessmentId == id)));

        var added = await api.PostAsJsonAsync($"{Assessments(org)}/{id}/evidence", Evidence(item, "Annual report 2025", "https://example.org/report"));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var evidence = await JsonAsync(added);
        Assert.Equal("company-disclosure", evidence.GetProperty("sourceKind").GetString());
        var evidenceId = evidence.GetProperty("id").GetGuid().ToString("N");
        // Adding evidence saved the assessment, so answers sent against the version read before are refused.
        Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsJsonAsync($"{Assessments(org)}/{id}/answers", Answers(app, draft, "yes"))).StatusCode);
        var current = await JsonAsync(await api.GetAsync($"{Assessments(org)}/{id}"));
        var answered = await api.PutAsJsonAsync($"{Assessments(org)}/{id}/answers", Answers(app, current, "yes"));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        var step = (await JsonAsync(answered)).GetProperty("result").GetProperty("derivation").EnumerateArray()
            .Single(s => s.GetProperty("step").GetString() == "item" && s.GetProperty("item").GetString() == item);
        Assert.Equal([evidenceId], step.GetProperty("evidenceIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Single(await AuditAsync(app, org.Id, "assessment.evidence-added"));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Submitting_moves_a_draft_to_review_freezes_it_and_approval_is_not_in_the_api(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var api = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Analyst, createdBy: owner.Id));
        var draft = await JsonAsync(await CreateAsync(api, org));
        var id = draft.GetProperty("id").GetGuid();

        // Incomplete work is refused; answering every question makes it submittable.
        var incomplete = await api.PostAsync($"{Assessments(org)}/{id}/submit", null);
        Assert.Equal(HttpStatusCode.Conflict, incomplete.StatusCode);
        Assert.Contains("Answer every question", await incomplete.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Rightscope.Tests.Features.Assessments.Completion.CompleteViaApiAsync(api, $"{Assessments(org)}/{id}", AllItems(app));
        var submitted = await api.PostAsync($"{Assessments(org)}/{id}/submit", null);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var review = await JsonAsync(submitted);
        Assert.Equal("in-review", review.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, review.GetProperty("submittedAt").ValueKind);

        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync($"{Assessments(org)}/{id}/submit", null)).StatusCode);
        var answers = await api.PutAsJsonAsync($"{Assessments(org)}/{id}/answers", Answers(app, review, "yes"));
        Assert.Equal(HttpStatusCode.Conflict, answers.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync($"{Assessments(org)}/{id}/evidence", Evidence(GovernanceItems(app)[0].Key, "Report", ""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync($"{Assessments(org)}/{id}/approve", null)).StatusCode);
        Assert.Single(await AuditAsync(app, org.Id, "assessment.submitted"));

        // The token's creator is the accountable author, so the same person cannot approve what their token wrote.
        Assert.Equal(owner.Id, review.GetProperty("authorUserId").GetGuid());
        var ownerClient = await app.SignInAsync(owner.Email!);
        var overview = $"/o/{org.Slug}/assessments/{id}";
        var own = await Forms.PostAsync(ownerClient, overview, new Dictionary<string, string> { ["decision"] = "approve" }, $"{overview}/review");
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Reviewers_and_analysts_comment_viewers_only_read(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, _) = await app.CreateOrganizationAsync();
        var analyst = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Analyst));
        var reviewer = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Reviewer));
        var viewer = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Viewer));
        var id = (await JsonAsync(await CreateAsync(analyst, org))).GetProperty("id").GetGuid();
        var comments = $"{Assessments(org)}/{id}/comments";

        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsJsonAsync(comments, new { body = "Sources for G3 still missing." })).StatusCode);
        var byReviewer = await reviewer.PostAsJsonAsync(comments, new { body = "  Returned: please cite the 2025 report.  " });
        Assert.Equal(HttpStatusCode.Created, byReviewer.StatusCode);
        Assert.Equal("Returned: please cite the 2025 report.", (await JsonAsync(byReviewer)).GetProperty("body").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync(comments, new { body = "Not allowed" })).StatusCode);
        var empty = await reviewer.PostAsJsonAsync(comments, new { body = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await JsonAsync(empty)).GetProperty("errors").TryGetProperty("body", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.PostAsJsonAsync(comments, new { body = new string('x', 4001) })).StatusCode);

        var listed = await JsonAsync(await viewer.GetAsync(comments));
        Assert.Equal(
            ["Sources for G3 still missing.", "Returned: please cite the 2025 report."],
            listed.EnumerateArray().Select(c => c.GetProperty("body").GetString()));
        var entries = await AuditAsync(app, org.Id, "assessment.comment-added");
        Assert.Equal(2, entries.Count);
        // The trail records that someone commented, never what the comment says.
        Assert.All(entries, e => Assert.DoesNotContain("cite", e.Summary, StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Another_organizations_assessment_is_404_and_a_viewer_token_cannot_write(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, _) = await app.CreateOrganizationAsync();
        var (other, _) = await app.CreateOrganizationAsync();
        var analyst = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Analyst));
        var draft = await JsonAsync(await CreateAsync(analyst, org));
        var id = draft.GetProperty("id").GetGuid();

        var outsider = app.CreateApiClient(await app.CreateApiTokenAsync(other, Role.Analyst));
        var viaOwnOrg = $"{Assessments(other)}/{id}";
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(viaOwnOrg)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PutAsJsonAsync($"{viaOwnOrg}/answers", Answers(app, draft, "yes"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"{viaOwnOrg}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"{viaOwnOrg}/comments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"{Assessments(org)}/{id}")).StatusCode);
        Assert.Empty((await JsonAsync(await outsider.GetAsync(Assessments(other)))).GetProperty("items").EnumerateArray());

        var viewer = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Viewer));
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"{Assessments(org)}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync(Assessments(org), new { methodology = "surveillance-investor@1.0.0" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsJsonAsync($"{Assessments(org)}/{id}/answers", Answers(app, draft, "yes"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"{Assessments(org)}/{id}/submit", null)).StatusCode);
        Assert.Equal(0, await QueryAsync(app, db => db.AssessmentAnswers.IgnoreQueryFilters().CountAsync(a => a.AssessmentId == id)));
        Assert.Single(await AuditAsync(app, org.Id, "assessment.created"));
        Assert.Empty(await AuditAsync(app, org.Id, "assessment.submitted"));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_list_filters_by_status_methodology_and_subject_and_pages_in_a_stable_order(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, _) = await app.CreateOrganizationAsync();
        var api = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Analyst));
        var ids = new List<Guid>();
        foreach (var name in new[] { "Fictional Vision Systems", "Fictional Harbour Analytics", "Fictional VISION Labs" })
        {
            ids.Add((await JsonAsync(await CreateAsync(api, org, name))).GetProperty("id").GetGuid());
        }

        await Rightscope.Tests.Features.Assessments.Completion.CompleteViaApiAsync(api, $"{Assessments(org)}/{ids[1]}", AllItems(app));
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"{Assessments(org)}/{ids[1]}/submit", null)).StatusCode);

        async Task<List<Guid>> IdsAsync(string query) =>
            [.. (await JsonAsync(await api.GetAsync($"{Assessments(org)}?{query}"))).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

        Assert.Equal([ids[2], ids[0]], await IdsAsync("subject=vision"));
        Assert.Equal([ids[1]], await IdsAsync("status=in-review"));
        Assert.Equal([ids[2], ids[0]], await IdsAsync("status=Draft"));
        Assert.Equal(3, (await IdsAsync("methodology=surveillance-investor")).Count);
        Assert.Empty(await IdsAsync("methodology=ungp-hria"));
        var first = await IdsAsync("pageSize=2&page=1");
        var second = await IdsAsync("pageSize=2&page=2");
        Assert.Equal([ids[2], ids[1], ids[0]], first.Concat(second));
        var page = await JsonAsync(await api.GetAsync($"{Assessments(org)}?pageSize=2&page=2"));
        Assert.Equal(3, page.GetProperty("totalCount").GetInt32());

        foreach (var (query, field) in new[] { ("pageSize=0", "pageSize"), ("pageSize=201", "pageSize"), ("page=0", "page"), ("status=finished", "status") })
        {
            var refused = await api.GetAsync($"{Assessments(org)}?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await JsonAsync(refused)).GetProperty("errors").TryGetProperty(field, out _), query);
        }
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_openapi_document_lists_the_assessment_operations_with_their_bodies(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);

        var json = await JsonAsync(await app.CreateApiClient(null).GetAsync("/openapi/v1.json"));

        var paths = json.GetProperty("paths");
        var expected = new (string Path, string Method, string OperationId)[]
        {
            ("/api/v1/orgs/{org}/assessments", "get", "ListAssessments"),
            ("/api/v1/orgs/{org}/assessments", "post", "CreateAssessment"),
            ("/api/v1/orgs/{org}/assessments/{id}", "get", "GetAssessment"),
            ("/api/v1/orgs/{org}/assessments/{id}/answers", "put", "SetAssessmentAnswers"),
            ("/api/v1/orgs/{org}/assessments/{id}/evidence", "post", "AddAssessmentEvidence"),
            ("/api/v1/orgs/{org}/assessments/{id}/submit", "post", "SubmitAssessment"),
            ("/api/v1/orgs/{org}/assessments/{id}/comments", "get", "ListAssessmentComments"),
            ("/api/v1/orgs/{org}/assessments/{id}/comments", "post", "AddAssessmentComment"),
        };
        foreach (var (path, method, operationId) in expected)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing");
            Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} is missing");
            Assert.Equal(operationId, operation.GetProperty("operationId").GetString());
        }

        var answers = paths.GetProperty("/api/v1/orgs/{org}/assessments/{id}/answers").GetProperty("put");
        Assert.True(answers.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.Contains("token is not a person", paths.GetProperty("/api/v1/orgs/{org}/assessments/{id}/submit").GetProperty("post").GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    internal static Task<HttpResponseMessage> CreateAsync(HttpClient api, Organization org, string name = "Fictional Vision Systems") =>
        api.PostAsJsonAsync(Assessments(org), new
        {
            methodology = "surveillance-investor@1.0.0",
            subjectKind = "company",
            subjectName = name,
            attributes = new Dictionary<string, string> { ["exposure-type"] = "1", ["targeted-intrusion"] = "no" },
        });

    internal static IEnumerable<string> AllItems(RightscopeFactory app) =>
        app.Services.GetRequiredService<MethodologyRegistry>().Shipped.Find("surveillance-investor", "1.0.0")!.Items.Select(i => i.Key);

    internal static List<Node> GovernanceItems(RightscopeFactory app)
    {
        var methodology = app.Services.GetRequiredService<MethodologyRegistry>().Shipped.Find("surveillance-investor", "1.0.0")!;
        return [.. methodology.Structure.Single(n => n.Key == Section).DescendantsAndSelf().Where(n => n.IsItem)];
    }

    /// <summary>Every governance item answered with <paramref name="option"/>, against the version of <paramref name="assessment"/>.</summary>
    internal static object Answers(RightscopeFactory app, JsonElement assessment, string option) => new
    {
        version = assessment.GetProperty("version").GetGuid(),
        answers = GovernanceItems(app).Select(i => new { itemKey = i.Key, component = "company", option }).ToArray(),
    };

    internal static object Evidence(string item, string title, string url) => new
    {
        itemKey = item,
        sourceKind = "company-disclosure",
        title,
        url,
        reliability = "high",
    };

    internal static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
