using System.Net;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Organizations;
using Rightscope.Features.Hrdd;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Hrdd.HrddSteps;

namespace Rightscope.Tests.Features.Hrdd;

/// <summary>The policy commitment page (UNGP 16): five elements, validation, audit, concurrency, tenancy.</summary>
public sealed class PolicyCommitmentTests
{
    private static Dictionary<string, string> Fields(string title, string[] statuses, string? version = null, string url = "https://example.org/fictional/human-rights-policy", string approvedOn = "2025-03-01")
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.PublicUrl"] = url,
            ["Input.ApprovedOn"] = approvedOn,
            ["Input.Approver"] = "Board of directors",
        };
        if (version is not null)
        {
            fields["Input.Version"] = version;
        }

        for (var i = 0; i < statuses.Length; i++)
        {
            fields[$"Input.Elements[{i}].Status"] = statuses[i];
            fields[$"Input.Elements[{i}].Evidence"] = statuses[i] == "met" ? $"Fictional evidence {i}" : "";
            fields[$"Input.Elements[{i}].EvidenceUrl"] = "";
            fields[$"Input.Elements[{i}].On"] = statuses[i] == "met" ? "2025-03-01" : "";
        }

        return fields;
    }

    private static readonly string[] FourMet = ["met", "met", "met", "met", "in-progress"];

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_commitment_is_saved_with_its_five_elements_audited_and_counted_on_the_overview(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var client = await app.SignInAsync(owner.Email!);
        var page = $"/o/{org.Slug}/due-diligence/commitment";
        Assert.Contains("0 of 5 elements met", await HtmlAsync(client, page), StringComparison.Ordinal);

        var saved = await Forms.PostAsync(client, page, Fields("Fictional Human Rights Policy", FourMet));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var commitment = await QueryAsync(app, db => db.PolicyCommitments.IgnoreQueryFilters().SingleAsync(c => c.OrganizationId == org.Id));
        Assert.Equal(new DateOnly(2025, 3, 1), commitment.ApprovedOn);
        var elements = await QueryAsync(app, db => db.PolicyCommitmentElements.IgnoreQueryFilters().Where(e => e.CommitmentId == commitment.Id).ToListAsync());
        Assert.Equal(5, elements.Count);
        Assert.Equal(CommitmentElementStatus.InProgress, elements.Single(e => e.Element == CommitmentElement.Embedded).Status);
        Assert.Equal("Fictional evidence 0", elements.Single(e => e.Element == CommitmentElement.SeniorApproval).Evidence);
        Assert.Contains("embedded in-progress", Assert.Single(await AuditAsync(app, org.Id, "commitment.created")).Summary, StringComparison.Ordinal);

        Assert.Contains("4 of 5 elements met", await HtmlAsync(client, $"/o/{org.Slug}/due-diligence"), StringComparison.Ordinal);

        // A second save with the current version updates the same commitment.
        var allMet = Fields("Fictional Human Rights Policy 2026", ["met", "met", "met", "met", "met"], commitment.ConcurrencyToken.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(client, page, allMet)).StatusCode);
        Assert.Single(await AuditAsync(app, org.Id, "commitment.updated"));
        Assert.Contains("5 of 5 elements met", await HtmlAsync(client, page), StringComparison.Ordinal);
        Assert.Equal(5, await QueryAsync(app, db => db.PolicyCommitmentElements.IgnoreQueryFilters().CountAsync(e => e.OrganizationId == org.Id)));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Bad_input_names_each_field_in_both_languages_and_nothing_is_saved(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var client = await app.SignInAsync(owner.Email!);
        var page = $"/o/{org.Slug}/due-diligence/commitment";

        var bad = Fields(" ", FourMet, url: "ftp://example.org", approvedOn: "01/03/2025");
        bad["Input.Elements[1].Evidence"] = "";
        bad["Input.Elements[2].Status"] = "done";
        var refused = await Forms.PostAsync(client, page, bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Title of the commitment: enter a title of at most 300 characters.", html, StringComparison.Ordinal);
        Assert.Contains("Public address: enter a full web address starting with http:// or https://.", html, StringComparison.Ordinal);
        Assert.Contains("Approved on: \"01/03/2025\" is not a date; use the form YYYY-MM-DD.", html, StringComparison.Ordinal);
        Assert.Contains("Informed by relevant expertise: an element marked as met needs its evidence.", html, StringComparison.Ordinal);
        Assert.Contains("States expectations of personnel, business partners and others: choose a status.", html, StringComparison.Ordinal);
        Assert.Empty(await QueryAsync(app, db => db.PolicyCommitments.IgnoreQueryFilters().Where(c => c.OrganizationId == org.Id).ToListAsync()));
        Assert.Empty(await QueryAsync(app, db => db.PolicyCommitmentElements.IgnoreQueryFilters().Where(c => c.OrganizationId == org.Id).ToListAsync()));

        var chinese = await app.SignInAsync(owner.Email!);
        chinese.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "zh-CN");
        var zh = await Forms.PostAsync(chinese, page, Fields("", FourMet));
        Assert.Equal(HttpStatusCode.BadRequest, zh.StatusCode);
        Assert.Contains("承诺名称：请输入不超过 300 个字符的名称。", WebUtility.HtmlDecode(await zh.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_stale_save_conflicts_viewers_only_read_and_other_organizations_see_their_own(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var viewer = await app.AddMemberAsync(org, Role.Viewer);
        var client = await app.SignInAsync(owner.Email!);
        var page = $"/o/{org.Slug}/due-diligence/commitment";
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(client, page, Fields("Fictional Policy", FourMet))).StatusCode);
        var version = (await QueryAsync(app, db => db.PolicyCommitments.IgnoreQueryFilters().SingleAsync(c => c.OrganizationId == org.Id))).ConcurrencyToken.ToString();

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(client, page, Fields("Fictional Policy, first edit", FourMet, version))).StatusCode);
        var stale = await Forms.PostAsync(client, page, Fields("Fictional Policy, stale edit", FourMet, version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone else saved the policy commitment", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        // A second "first" save (no version) while one exists is a conflict too, never a second commitment.
        Assert.Equal(HttpStatusCode.Conflict, (await Forms.PostAsync(client, page, Fields("Fictional Policy, new", FourMet))).StatusCode);
        var commitment = await QueryAsync(app, db => db.PolicyCommitments.IgnoreQueryFilters().SingleAsync(c => c.OrganizationId == org.Id));
        Assert.Equal("Fictional Policy, first edit", commitment.Title);

        var viewerClient = await app.SignInAsync(viewer.Email!);
        var read = await HtmlAsync(viewerClient, page);
        Assert.Contains("Fictional Policy, first edit", read, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.Title\"", read, StringComparison.Ordinal);
        var token = Forms.AntiforgeryToken(await (await viewerClient.GetAsync(page)).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await Forms.PostWithTokenAsync(viewerClient, page, token, Fields("Viewer edit", FourMet, commitment.ConcurrencyToken.ToString()))).StatusCode);

        var (other, otherOwner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var outsider = await app.SignInAsync(otherOwner.Email!);
        Assert.DoesNotContain("Fictional Policy", await HtmlAsync(outsider, $"/o/{other.Slug}/due-diligence/commitment"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(page)).StatusCode);
    }
}
