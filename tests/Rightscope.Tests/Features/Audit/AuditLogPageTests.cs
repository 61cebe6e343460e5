using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Features.Organizations;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Audit;

public sealed partial class AuditLogPageTests
{
    [GeneratedRegex("<tr data-sequence=\"(\\d+)\">")]
    private static partial Regex RowSequence();

    private static List<long> Sequences(string html) =>
        RowSequence().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    private static async Task AppendAsync(RightscopeFactory app, Organization organization, int count, string action = "test.recorded", string summary = "recorded")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        for (var i = 0; i < count; i++)
        {
            await audit.SaveChangesAsync(new AuditRecord(organization.Id, AuditActor.System, action, "thing", $"t{i}", $"{summary} {i}"));
        }
    }

    private static async Task ExecuteSqlAsync(RightscopeFactory app, string sql)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RightscopeDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Owner_sees_the_entries_of_their_organization_only_newest_first_with_an_intact_status(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (orgA, ownerA) = await app.CreateOrganizationAsync();
        var (orgB, _) = await app.CreateOrganizationAsync();
        await AppendAsync(app, orgA, 2, "member.role-changed", "role of someone: viewer → analyst");
        await AppendAsync(app, orgB, 3, "member.removed", "only-in-org-b");
        var client = await app.SignInAsync(ownerA.Email!);

        var response = await client.GetAsync($"/o/{orgA.Slug}/audit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal([3L, 2L, 1L], Sequences(html));
        Assert.Contains("data-intact=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("all 3 entries of this organization were checked", html, StringComparison.Ordinal);
        Assert.Contains("organization.created", html, StringComparison.Ordinal);
        Assert.Contains("role of someone: viewer → analyst 1", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Matches("<time datetime=\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\">", html);
        Assert.DoesNotContain("only-in-org-b", html, StringComparison.Ordinal);
        Assert.DoesNotContain("member.removed", html, StringComparison.Ordinal);
        // Sign-ins go to the system chain, which no organization's page shows.
        Assert.DoesNotContain("account.signed-in", html, StringComparison.Ordinal);

        // Not a member of B: the same 404 as an organization that does not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/o/{orgB.Slug}/audit")).StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Members_without_the_audit_permission_are_forbidden(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (organization, _) = await app.CreateOrganizationAsync();

        foreach (var role in new[] { Role.Analyst, Role.Viewer, Role.Reviewer, Role.CaseHandler })
        {
            var member = await app.AddMemberAsync(organization, role);
            var client = await app.SignInAsync(member.Email!);

            var response = await client.GetAsync($"/o/{organization.Slug}/audit");

            Assert.True(HttpStatusCode.Forbidden == response.StatusCode, $"{role}: {(int)response.StatusCode}");
            Assert.DoesNotContain("organization.created", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var anonymous = await app.CreateBrowserlikeClient().GetAsync($"/o/{organization.Slug}/audit");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_entry_edited_in_the_database_shows_a_warning_naming_it(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (organization, owner) = await app.CreateOrganizationAsync();
        await AppendAsync(app, organization, 3);
        var chain = AuditTrail.ChainOf(organization.Id);
        await ExecuteSqlAsync(app, $"UPDATE \"AuditEntries\" SET \"Summary\" = 'x' WHERE \"Chain\" = '{chain}' AND \"Sequence\" = 2");
        var client = await app.SignInAsync(owner.Email!);

        var html = await (await client.GetAsync($"/o/{organization.Slug}/audit")).Content.ReadAsStringAsync();

        Assert.Contains("data-intact=\"false\"", html, StringComparison.Ordinal);
        Assert.Contains("The audit trail has been tampered with.", html, StringComparison.Ordinal);
        Assert.Contains("Entry 2 (row ", html, StringComparison.Ordinal);
        Assert.Contains("was edited", html, StringComparison.Ordinal);
        // The entries are still listed, so the owner can see what the record says now.
        Assert.Equal([4L, 3L, 2L, 1L], Sequences(html));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_warning_and_headings_are_localized_in_chinese(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (organization, owner) = await app.CreateOrganizationAsync();
        await AppendAsync(app, organization, 2);
        await ExecuteSqlAsync(app, $"DELETE FROM \"AuditEntries\" WHERE \"Chain\" = '{AuditTrail.ChainOf(organization.Id)}' AND \"Sequence\" = 2");
        var client = await app.SignInAsync(owner.Email!);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/o/{organization.Slug}/audit");
        request.Headers.AcceptLanguage.ParseAdd("zh-Hans");

        var html = WebUtility.HtmlDecode(await (await client.SendAsync(request)).Content.ReadAsStringAsync());

        Assert.Contains("<h1>审计记录</h1>", html, StringComparison.Ordinal);
        Assert.Contains("审计记录已被篡改。", html, StringComparison.Ordinal);
        Assert.Contains("第 2 条记录缺失", html, StringComparison.Ordinal);
        Assert.Contains("操作人", html, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Pages_hold_fifty_entries_newest_first_and_out_of_range_pages_are_not_found(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (organization, owner) = await app.CreateOrganizationAsync();
        await AppendAsync(app, organization, 119);
        var client = await app.SignInAsync(owner.Email!);
        var url = $"/o/{organization.Slug}/audit";

        var first = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
        var second = await (await client.GetAsync(url + "?page=2")).Content.ReadAsStringAsync();
        var third = await (await client.GetAsync(url + "?page=3")).Content.ReadAsStringAsync();

        Assert.Equal(Enumerable.Range(71, 50).Select(i => (long)i).Reverse(), Sequences(first));
        Assert.Equal(Enumerable.Range(21, 50).Select(i => (long)i).Reverse(), Sequences(second));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i).Reverse(), Sequences(third));
        Assert.Contains($"href=\"{url}?page=2\" rel=\"next\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", first, StringComparison.Ordinal);
        Assert.Contains($"href=\"{url}\" rel=\"prev\"", second, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", third, StringComparison.Ordinal);
        Assert.Contains("Page 3 of 3 (120 entries)", third, StringComparison.Ordinal);
        foreach (var bad in new[] { "?page=4", "?page=0", "?page=-1", "?page=abc", "?page=99999999999" })
        {
            Assert.True(HttpStatusCode.NotFound == (await client.GetAsync(url + bad)).StatusCode, bad);
        }
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_action_filter_keeps_matching_entries_and_rejects_malformed_prefixes(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (organization, owner) = await app.CreateOrganizationAsync();
        await AppendAsync(app, organization, 2, "member.added");
        await AppendAsync(app, organization, 1, "membership.other");
        await AppendAsync(app, organization, 2, "channel.created");
        var client = await app.SignInAsync(owner.Email!);
        var url = $"/o/{organization.Slug}/audit";

        var members = await (await client.GetAsync(url + "?action=member.")).Content.ReadAsStringAsync();
        var none = await (await client.GetAsync(url + "?action=assessment.")).Content.ReadAsStringAsync();
        var malformed = await client.GetAsync(url + "?action=%25");

        Assert.Equal([3L, 2L], Sequences(members));
        Assert.Contains("value=\"member.\"", members, StringComparison.Ordinal);
        Assert.Empty(Sequences(none));
        Assert.Contains("No entries match this filter.", none, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Empty(Sequences(await malformed.Content.ReadAsStringAsync()));
    }
}
