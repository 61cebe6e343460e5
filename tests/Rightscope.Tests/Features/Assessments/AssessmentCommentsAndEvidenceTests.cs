using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Features.Organizations;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Api.AssessmentApiTests;
using static Rightscope.Tests.Features.Organizations.MemberTestSupport;
using ApiTests = Rightscope.Tests.Features.Api.AssessmentApiTests;

namespace Rightscope.Tests.Features.Assessments;

/// <summary>Comments on the overview page, and editing and removing evidence on the evidence page.</summary>
public sealed class AssessmentCommentsAndEvidenceTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_reviewer_comments_from_the_overview_and_a_viewer_cannot(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, _) = await app.CreateOrganizationAsync();
        var reviewer = await app.AddMemberAsync(org, Role.Reviewer);
        var viewer = await app.AddMemberAsync(org, Role.Viewer);
        var id = await StartAsync(app, org);
        var overview = $"/o/{org.Slug}/assessments/{id}";
        var reviewerClient = await app.SignInAsync(reviewer.Email!);

        Assert.Contains($"action=\"{overview}/comments\"", await (await reviewerClient.GetAsync(overview)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var empty = await Forms.PostAsync(reviewerClient, overview, new Dictionary<string, string> { ["Body"] = "   " }, $"{overview}/comments");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Write a comment of at most 4000 characters.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var added = await Forms.PostAsync(reviewerClient, overview, new Dictionary<string, string> { ["Body"] = "Please cite <the 2025 report>." }, $"{overview}/comments");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.StartsWith(overview, added.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var viewerClient = await app.SignInAsync(viewer.Email!);
        var page = await (await viewerClient.GetAsync(overview)).Content.ReadAsStringAsync();
        // Shown encoded, with its author; the viewer sees no form.
        Assert.Contains("Please cite &lt;the 2025 report&gt;.", page, StringComparison.Ordinal);
        Assert.Contains(reviewer.DisplayName, page, StringComparison.Ordinal);
        Assert.DoesNotContain($"action=\"{overview}/comments\"", page, StringComparison.Ordinal);
        var refused = await Forms.PostAsync(viewerClient, overview, new Dictionary<string, string> { ["Body"] = "Viewer comment" }, $"{overview}/comments");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var comments = await QueryAsync(app, db => db.AssessmentComments.IgnoreQueryFilters().Where(c => c.AssessmentId == id).ToListAsync());
        var comment = Assert.Single(comments);
        Assert.Equal(reviewer.Id, comment.AuthorUserId);
        Assert.Equal(reviewer.Email, Assert.Single(await AuditAsync(app, org.Id, "assessment.comment-added")).Actor);

        using var chinese = new HttpRequestMessage(HttpMethod.Get, overview);
        chinese.Headers.TryAddWithoutValidation("Accept-Language", "zh-CN");
        Assert.Contains("评论", await (await viewerClient.SendAsync(chinese)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Evidence_is_edited_and_removed_while_a_draft_and_removal_drops_it_from_the_derivation(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var client = await app.SignInAsync(owner.Email!);
        var api = app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Analyst));
        var id = await StartAsync(app, org, api);
        var evidencePage = $"/o/{org.Slug}/assessments/{id}/evidence";
        var items = GovernanceItems(app);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(client, evidencePage, Fields(items[0].Key, "Annual report", "https://example.org/a"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(client, evidencePage, Fields(items[0].Key, "Policy page", "https://example.org/b"))).StatusCode);
        var stored = await QueryAsync(app, db => db.Evidence.IgnoreQueryFilters().Where(e => e.AssessmentId == id).OrderBy(e => e.Title).ToListAsync());
        var (report, policy) = (stored[0], stored[1]);

        var editForm = $"{evidencePage}?edit={report.Id}";
        Assert.Contains("value=\"Annual report\"", await (await client.GetAsync(editForm)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var invalid = await Forms.PostAsync(client, editForm, Fields(items[1].Key, "Annual report 2025", "ftp://example.org/a"), $"{evidencePage}?handler=edit&evidence={report.Id}");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("Enter a full web address", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Annual report", (await EvidenceAsync(app, report.Id))!.Title);

        var edited = await Forms.PostAsync(client, editForm, Fields(items[1].Key, "Annual report 2025", "https://example.org/a2"), $"{evidencePage}?handler=edit&evidence={report.Id}");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var changed = await EvidenceAsync(app, report.Id);
        Assert.Equal(("Annual report 2025", "https://example.org/a2", items[1].Key), (changed!.Title, changed.Url, changed.ItemKey));
        Assert.Single(await AuditAsync(app, org.Id, "assessment.evidence-changed"));

        var draft = await JsonAsync(await api.GetAsync($"{ApiTests.Assessments(org)}/{id}"));
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"{ApiTests.Assessments(org)}/{id}/answers", Answers(app, draft, "yes"))).StatusCode);
        Assert.Contains(policy.Id.ToString("N"), await EvidenceIdsAsync(api, org, id, items[0].Key));
        var removed = await Forms.PostAsync(client, evidencePage, new Dictionary<string, string> { ["evidence"] = policy.Id.ToString() }, $"{evidencePage}?handler=remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null(await EvidenceAsync(app, policy.Id));
        Assert.Empty(await EvidenceIdsAsync(api, org, id, items[0].Key));
        Assert.Single(await AuditAsync(app, org.Id, "assessment.evidence-removed"));

        // Once submitted, evidence is frozen like the answers.
        await Completion.CompleteViaApiAsync(api, $"{ApiTests.Assessments(org)}/{id}", ApiTests.AllItems(app));
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"{ApiTests.Assessments(org)}/{id}/submit", null)).StatusCode);
        var frozen = await Forms.PostAsync(client, $"{evidencePage}?edit={report.Id}", new Dictionary<string, string> { ["evidence"] = report.Id.ToString() }, $"{evidencePage}?handler=remove");
        Assert.Equal(HttpStatusCode.BadRequest, frozen.StatusCode);
        Assert.NotNull(await EvidenceAsync(app, report.Id));
        Assert.DoesNotContain("handler=remove", await (await client.GetAsync(evidencePage)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_viewer_cannot_edit_or_remove_evidence(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var viewer = await app.SignInAsync((await app.AddMemberAsync(org, Role.Viewer)).Email!);
        var client = await app.SignInAsync(owner.Email!);
        var id = await StartAsync(app, org);
        var evidencePage = $"/o/{org.Slug}/assessments/{id}/evidence";
        await Forms.PostAsync(client, evidencePage, Fields(GovernanceItems(app)[0].Key, "Annual report", ""));
        var evidence = Assert.Single(await QueryAsync(app, db => db.Evidence.IgnoreQueryFilters().Where(e => e.AssessmentId == id).ToListAsync()));

        var remove = await Forms.PostAsync(viewer, evidencePage, new Dictionary<string, string> { ["evidence"] = evidence.Id.ToString() }, $"{evidencePage}?handler=remove");
        var edit = await Forms.PostAsync(viewer, evidencePage, Fields(evidence.ItemKey, "Changed", ""), $"{evidencePage}?handler=edit&evidence={evidence.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal("Annual report", (await EvidenceAsync(app, evidence.Id))!.Title);
    }

    private static async Task<Guid> StartAsync(RightscopeFactory app, Organization org, HttpClient? api = null)
    {
        api ??= app.CreateApiClient(await app.CreateApiTokenAsync(org, Role.Analyst));
        return (await JsonAsync(await CreateAsync(api, org))).GetProperty("id").GetGuid();
    }

    private static async Task<List<string?>> EvidenceIdsAsync(HttpClient api, Organization org, Guid id, string item)
    {
        var detail = await JsonAsync(await api.GetAsync($"{ApiTests.Assessments(org)}/{id}"));
        return [.. detail.GetProperty("result").GetProperty("derivation").EnumerateArray()
            .Single(s => s.GetProperty("step").GetString() == "item" && s.GetProperty("item").GetString() == item)
            .GetProperty("evidenceIds").EnumerateArray().Select(e => e.GetString())];
    }

    private static Task<Rightscope.Features.Assessments.Evidence?> EvidenceAsync(RightscopeFactory app, Guid id) =>
        QueryAsync(app, db => db.Evidence.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id));

    private static Dictionary<string, string> Fields(string item, string title, string url) => new()
    {
        ["Input.ItemKey"] = item,
        ["Input.SourceKind"] = "CompanyDisclosure",
        ["Input.Title"] = title,
        ["Input.Url"] = url,
        ["Input.Reliability"] = "High",
    };
}
