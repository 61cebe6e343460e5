using System.Net;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Hrdd;
using Rightscope.Core.Organizations;
using Rightscope.Features.Hrdd;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Engagements.EngagementSteps;
using static Rightscope.Tests.Features.Hrdd.HrddTrackingSteps;

namespace Rightscope.Tests.Features.Hrdd;

/// <summary>The stakeholder engagement log: logging, the derived Global South flag, filters, edits, bad input, and the fatigue view's window.</summary>
public sealed class StakeholderEngagementLogTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 15, 9, 0, 0, TimeSpan.Zero);

    private static List<(string, string)> Fields(
        string heldOn = "2026-02-10",
        string organizations = "Digital Rights Watch (fictional)\nTenants' Union (fictional)",
        string region = "sub-saharan-africa",
        string country = "KE",
        string[]? types = null,
        params Guid[] issues)
    {
        var fields = new List<(string, string)>
        {
            ("Input.HeldOn", heldOn),
            ("Input.Format", "consultation"),
            ("Input.Organizations", organizations),
            ("Input.Region", region),
            ("Input.Country", country),
            ("Input.Topics", "Location data sharing with resellers"),
            ("Input.DecisionsChanged", "Retention limit shortened from 90 to 30 days"),
            ("Input.FollowUps", "Share the new limit with participants"),
            ("Input.FollowUpDueOn", "2026-04-30"),
        };
        fields.AddRange((types ?? ["civil-society", "human-rights-defenders"]).Select(t => ("Input.Types", t)));
        fields.AddRange(issues.Select(i => ("Input.Issues", i.ToString())));
        return fields;
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_engagement_is_logged_with_normalized_organizations_filtered_and_edited(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var issue = await IssueAsync(app, org.Id, owner.Id);
        var (timed, _) = Timed(app, Start);
        var client = await SignInAsync(timed, owner.Email!);

        var id = RedirectedId(
            await SubmitAsync(client, $"/o/{org.Slug}/stakeholder-engagement/new", Fields(organizations: "Digital Rights Watch (fictional)\n digital  rights watch (FICTIONAL);Tenants' Union (fictional)", issues: issue.Id)),
            $"/o/{org.Slug}/stakeholder-engagement/");
        RedirectedId(
            await SubmitAsync(client, $"/o/{org.Slug}/stakeholder-engagement/new", Fields("2026-01-05", "Fictional Experts Network", "western-europe", "DE", ["experts"])),
            $"/o/{org.Slug}/stakeholder-engagement/");

        var stored = await QueryAsync(timed, db => db.StakeholderEngagements.IgnoreQueryFilters().AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal((StakeholderRegion.SubSaharanAfrica, "KE", true, "HumanRightsDefenders,CivilSociety"), (stored.Region, stored.CountryCode, stored.GlobalSouth, stored.StakeholderTypes));
        var parties = await QueryAsync(timed, db => db.StakeholderEngagementParties.IgnoreQueryFilters().AsNoTracking().Where(p => p.EngagementId == id).OrderBy(p => p.Position).ToListAsync());
        Assert.Equal([("Digital Rights Watch (fictional)", "digital rights watch (fictional)"), ("Tenants' Union (fictional)", "tenants' union (fictional)")], parties.Select(p => (p.Name, p.NormalizedName)));
        var logged = Assert.Single(await AuditAsync(timed, org.Id, "stakeholder-engagement.logged"), e => e.TargetId == id.ToString("N"));
        Assert.Contains("2026-02-10, consultation, sub-saharan-africa/KE, Global South, 2 organization(s), 1 salient issue(s)", logged.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Digital Rights", logged.Summary, StringComparison.Ordinal);

        var south = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/stakeholder-engagement?south=yes"));
        Assert.Contains("Digital Rights Watch (fictional); Tenants' Union (fictional)", south, StringComparison.Ordinal);
        Assert.DoesNotContain("Fictional Experts Network", south, StringComparison.Ordinal);
        var byName = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/stakeholder-engagement?organization=EXPERTS%20network"));
        Assert.Contains("Fictional Experts Network", byName, StringComparison.Ordinal);
        Assert.DoesNotContain("Tenants' Union", byName, StringComparison.Ordinal);
        var byType = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/stakeholder-engagement?type=experts"));
        Assert.Contains("Fictional Experts Network", byType, StringComparison.Ordinal);
        Assert.DoesNotContain("Tenants' Union", byType, StringComparison.Ordinal);
        var byIssue = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/stakeholder-engagement?issue={issue.Id}"));
        Assert.Contains("Tenants' Union", byIssue, StringComparison.Ordinal);
        Assert.DoesNotContain("Fictional Experts Network", byIssue, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/o/{org.Slug}/stakeholder-engagement?region=atlantis")).StatusCode);

        var page = $"/o/{org.Slug}/stakeholder-engagement/{id}";
        var detail = await HtmlAsync(await client.GetAsync(page));
        Assert.Contains("Retention limit shortened from 90 to 30 days", detail, StringComparison.Ordinal);
        var edit = Fields(organizations: "Tenants' Union (fictional)\nFictional Youth Panel", region: "global", country: "", issues: issue.Id);
        var version = VersionIn(detail, "Input.Version");
        edit.Add(("Input.Version", version));
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, page, edit)).StatusCode);
        var edited = await QueryAsync(timed, db => db.StakeholderEngagements.IgnoreQueryFilters().AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal((StakeholderRegion.Global, (string?)null, false), (edited.Region, edited.CountryCode, edited.GlobalSouth));
        var names = await QueryAsync(timed, db => db.StakeholderEngagementParties.IgnoreQueryFilters().AsNoTracking().Where(p => p.EngagementId == id).OrderBy(p => p.Position).Select(p => p.Name).ToListAsync());
        Assert.Equal(["Tenants' Union (fictional)", "Fictional Youth Panel"], names);

        var stale = await SubmitAsync(client, page, edit);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Single(await AuditAsync(timed, org.Id, "stakeholder-engagement.updated"));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Bad_input_names_the_field_answers_400_and_writes_nothing(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var (timed, _) = Timed(app, Start);
        var client = await SignInAsync(timed, owner.Email!);

        var refused = await SubmitAsync(client, $"/o/{org.Slug}/stakeholder-engagement/new", Fields("2026-03-16", " \n ; ", "atlantis", "XX", ["aliens"]));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await HtmlAsync(refused);
        Assert.Contains("Date: the log records engagements that have taken place; the date cannot be in the future.", html, StringComparison.Ordinal);
        Assert.Contains("Stakeholder organizations: name at least one organization.", html, StringComparison.Ordinal);
        Assert.Contains("Region: choose one of the options offered.", html, StringComparison.Ordinal);
        Assert.Contains("Country: “XX” is not an ISO 3166-1 country code.", html, StringComparison.Ordinal);
        Assert.Contains("Stakeholder types: choose one of the options offered.", html, StringComparison.Ordinal);
        var noTypes = await SubmitAsync(client, $"/o/{org.Slug}/stakeholder-engagement/new", Fields(types: []));
        Assert.Contains("Stakeholder types: choose at least one type.", await HtmlAsync(noTypes), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync<StakeholderEngagement>(timed, org.Id));
        Assert.Equal(0, await CountAsync<StakeholderEngagementParty>(timed, org.Id));
        Assert.Empty(await AuditAsync(timed, org.Id, "stakeholder-engagement."));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Fatigue_counts_each_organization_over_the_last_twelve_months_and_flags_at_the_threshold(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var (timed, clock) = Timed(app, Start);
        var client = await SignInAsync(timed, owner.Email!);
        // A year ago to the day is outside the window; the day after is inside.
        foreach (var (on, region, country) in new[] { ("2025-03-15", "northern-europe", "SE"), ("2025-03-16", "southern-asia", "IN"), ("2025-09-01", "northern-europe", "SE"), ("2026-01-10", "latin-america-and-caribbean", "BR"), ("2026-03-15", "northern-europe", "SE") })
        {
            var organizations = on == "2026-01-10" ? "DIGITAL RIGHTS WATCH (fictional)\nFictional Youth Panel" : "Digital Rights Watch (fictional)";
            RedirectedId(await SubmitAsync(client, $"/o/{org.Slug}/stakeholder-engagement/new", Fields(on, organizations, region, country)), $"/o/{org.Slug}/stakeholder-engagement/");
        }

        var html = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/stakeholder-engagement/fatigue"));
        Assert.Contains("from 2025-03-16 to 2026-03-15; organizations engaged 4 times or more are flagged.", html, StringComparison.Ordinal);
        Assert.Contains(">Digital Rights Watch (fictional)</a></th><td>4</td><td>2026-03-15</td><td><strong class=\"overdue\">Engaged often</strong></td>", Compact(html), StringComparison.Ordinal);
        Assert.Contains(">Fictional Youth Panel</a></th><td>1</td>", Compact(html), StringComparison.Ordinal);
        Assert.True(html.IndexOf("Digital Rights Watch", StringComparison.Ordinal) < html.IndexOf("Fictional Youth Panel", StringComparison.Ordinal));
        Assert.Contains("2 of 4 engagements (50 %) were held in the Global South.", html, StringComparison.Ordinal);

        // The session cookie does not outlive a day of the fake clock: sign in again on the next day.
        clock.Advance(TimeSpan.FromDays(1));
        client = await SignInAsync(timed, owner.Email!);
        var later = await HtmlAsync(await client.GetAsync($"/o/{org.Slug}/stakeholder-engagement/fatigue"));
        Assert.Contains(">Digital Rights Watch (fictional)</a></th><td>3</td>", Compact(later), StringComparison.Ordinal);
        Assert.DoesNotContain("Engaged often", later, StringComparison.Ordinal);

        var strict = timed.WithWebHostBuilder(b => b.UseSetting(HrddTrackingSettings.Key, "1"));
        var strictHtml = await HtmlAsync(await (await SignInAsync(strict, owner.Email!)).GetAsync($"/o/{org.Slug}/stakeholder-engagement/fatigue"));
        Assert.Equal(2, strictHtml.Split("Engaged often").Length - 1);
    }

    private static string Compact(string html) => System.Text.RegularExpressions.Regex.Replace(html, @">\s+<", "><");
}
