using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Organizations;
using Rightscope.Core.Remedy;
using Rightscope.Core.Scoring;
using Rightscope.Features.Hrdd;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Hrdd.HrddSteps;

namespace Rightscope.Tests.Features.Hrdd;

/// <summary>The salient issues register: validation, the engine's priority order, filters, pages, concurrency, suppressed grievance signals.</summary>
public sealed class SalientIssueRegisterTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Bad_ratings_keys_country_owner_and_title_are_field_messages_and_nothing_is_saved(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var (_, outsider) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var client = await app.SignInAsync(owner.Email!);
        var page = $"/o/{org.Slug}/salient-issues/new";

        var bad = Issue(" ", right: "no-such-right", scale: "6", likelihood: "0", groups: ["no-such-group"], country: "ZZ", owner: outsider.Id.ToString());
        var refused = await Forms.PostAsync(client, page, bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Issue: enter a name of at most 300 characters.", html, StringComparison.Ordinal);
        Assert.Contains("Country: \"ZZ\" is not an ISO 3166-1 country code", html, StringComparison.Ordinal);
        Assert.Contains("Owner: choose a member of this organization.", html, StringComparison.Ordinal);
        foreach (var field in new[] { "Input_RightKey", "Input_Groups", "Input_Scale", "Input_Likelihood" })
        {
            Assert.Contains($"href=\"#{field}\"", html, StringComparison.Ordinal);
        }

        var unknownStatus = Issue("Fictional issue", status: "forgotten");
        var statusRefused = await Forms.PostAsync(client, page, unknownStatus);
        Assert.Equal(HttpStatusCode.BadRequest, statusRefused.StatusCode);
        Assert.Contains("Status: choose identified, being addressed, monitoring or closed.", WebUtility.HtmlDecode(await statusRefused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(await QueryAsync(app, db => db.SalientIssues.IgnoreQueryFilters().Where(i => i.OrganizationId == org.Id).ToListAsync()));
        Assert.Empty(await AuditAsync(app, org.Id, "salient-issue.created"));

        var chinese = await app.SignInAsync(owner.Email!);
        chinese.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "zh-CN");
        var zh = await Forms.PostAsync(chinese, page, Issue("虚构问题", country: "ZZ"));
        Assert.Equal(HttpStatusCode.BadRequest, zh.StatusCode);
        Assert.Contains("国家：“ZZ”不是 ISO 3166-1 国家代码", WebUtility.HtmlDecode(await zh.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_register_lists_issues_in_the_engines_priority_order_and_filters_by_status_and_right(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var analyst = await app.AddMemberAsync(org, Role.Analyst);
        var client = await app.SignInAsync(owner.Email!);

        // Created in an order unlike the priority: severity first, then irremediability, then likelihood.
        await CreateIssueAsync(client, org, Issue("Likely but mild", right: "freedom-of-expression", scale: "2", scope: "2", irremediability: "2", likelihood: "5"));
        await CreateIssueAsync(client, org, Issue("Severe, less likely", right: "privacy", scale: "4", scope: "2", irremediability: "2", likelihood: "1"));
        var top = await CreateIssueAsync(client, org, Issue("Severe and irremediable", right: "privacy", scale: "2", scope: "2", irremediability: "4", likelihood: "1", country: "BRA", owner: analyst.Id.ToString(), status: "addressing"));
        await CreateIssueAsync(client, org, Issue("Severe, more likely", right: "equality-non-discrimination", scale: "4", scope: "2", irremediability: "2", likelihood: "4"));

        var issue = await QueryAsync(app, db => db.SalientIssues.IgnoreQueryFilters().SingleAsync(i => i.Id == top));
        Assert.Equal(("BR", analyst.Id, SalientIssueStatus.Addressing), (issue.CountryCode, issue.OwnerUserId!.Value, issue.Status));
        Assert.Equal(4, (await AuditAsync(app, org.Id, "salient-issue.created")).Count);

        // A row with ratings outside 1–5 (not written by the form) is listed last instead of failing the register.
        await QueryAsync(app, db =>
        {
            db.SalientIssues.Add(new SalientIssue { OrganizationId = org.Id, Title = "Unrated row", RightKey = "privacy" });
            return db.SaveChangesAsync();
        });
        var register = await HtmlAsync(client, $"/o/{org.Slug}/salient-issues");
        string[] expected = ["Severe and irremediable", "Severe, more likely", "Severe, less likely", "Likely but mild", "Unrated row"];
        var positions = expected.Select(title => register.IndexOf($">{title}</a>", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains(analyst.DisplayName, register, StringComparison.Ordinal);

        var addressing = await HtmlAsync(client, $"/o/{org.Slug}/salient-issues?status=addressing");
        Assert.Contains("Severe and irremediable", addressing, StringComparison.Ordinal);
        Assert.DoesNotContain("Likely but mild", addressing, StringComparison.Ordinal);
        var privacy = await HtmlAsync(client, $"/o/{org.Slug}/salient-issues?right=privacy");
        Assert.Contains("Severe, less likely", privacy, StringComparison.Ordinal);
        Assert.DoesNotContain("Severe, more likely", privacy, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/o/{org.Slug}/salient-issues?status=lost")).StatusCode);

        var overview = await HtmlAsync(client, $"/o/{org.Slug}/due-diligence");
        var top5 = overview[overview.IndexOf("data-testid=\"overview-top\"", StringComparison.Ordinal)..];
        Assert.True(top5.IndexOf("Severe and irremediable", StringComparison.Ordinal) < top5.IndexOf("Likely but mild", StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_edit_is_audited_a_stale_edit_conflicts_and_viewers_and_outsiders_cannot_edit(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var viewer = await app.AddMemberAsync(org, Role.Viewer);
        var client = await app.SignInAsync(owner.Email!);
        var id = await CreateIssueAsync(client, org, Issue("Fictional chat scanning"));
        var page = $"/o/{org.Slug}/salient-issues/{id}";
        var version = (await QueryAsync(app, db => db.SalientIssues.IgnoreQueryFilters().SingleAsync(i => i.Id == id))).ConcurrencyToken.ToString();

        var first = Issue("Fictional chat scanning", scale: "5", status: "monitoring");
        first["Input.Version"] = version;
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(client, page, first)).StatusCode);
        var stale = Issue("Stale title", scale: "1");
        stale["Input.Version"] = version;
        var conflict = await Forms.PostAsync(client, page, stale);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("Someone else saved this issue after you opened it", WebUtility.HtmlDecode(await conflict.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var outOfRange = Issue("Fictional chat scanning", irremediability: "9");
        outOfRange["Input.Version"] = (await QueryAsync(app, db => db.SalientIssues.IgnoreQueryFilters().SingleAsync(i => i.Id == id))).ConcurrencyToken.ToString();
        Assert.Equal(HttpStatusCode.BadRequest, (await Forms.PostAsync(client, page, outOfRange)).StatusCode);

        var issue = await QueryAsync(app, db => db.SalientIssues.IgnoreQueryFilters().SingleAsync(i => i.Id == id));
        Assert.Equal(("Fictional chat scanning", 5, 3, SalientIssueStatus.Monitoring), (issue.Title, issue.Scale, issue.Irremediability, issue.Status));
        Assert.Contains("severity 5", Assert.Single(await AuditAsync(app, org.Id, "salient-issue.updated")).Summary, StringComparison.Ordinal);

        var viewerClient = await app.SignInAsync(viewer.Email!);
        var read = await HtmlAsync(viewerClient, page);
        Assert.Contains("Fictional chat scanning", read, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.Title\"", read, StringComparison.Ordinal);
        var token = Forms.AntiforgeryToken(await (await viewerClient.GetAsync(page)).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await Forms.PostWithTokenAsync(viewerClient, page, token, first)).StatusCode);

        var (other, otherOwner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var outsider = await app.SignInAsync(otherOwner.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/o/{other.Slug}/salient-issues/{id}")).StatusCode);
        Assert.DoesNotContain("Fictional chat scanning", await HtmlAsync(outsider, $"/o/{other.Slug}/salient-issues"), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Signals_count_closed_cases_on_the_same_right_and_impact_and_suppress_counts_under_five(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var client = await app.SignInAsync(owner.Email!);
        var privacy = await CreateIssueAsync(client, org, Issue("Fictional privacy issue", right: "privacy"));
        var expression = await CreateIssueAsync(client, org, Issue("Fictional expression issue", right: "freedom-of-expression"));
        var impactId = Guid.NewGuid();
        await QueryAsync(app, async db =>
        {
            var issue = await db.SalientIssues.IgnoreQueryFilters().SingleAsync(i => i.Id == privacy);
            issue.SourceImpactId = impactId;
            return await db.SaveChangesAsync();
        });

        // Privacy: 3 closed (2 of them linked to the impact) and 4 open; expression: 6 closed, one naming both rights.
        var cases = new List<(CaseStatus, string, Guid?)>
        {
            (CaseStatus.Closed, "[\"privacy\"]", impactId),
            (CaseStatus.Closed, "[\"privacy\"]", impactId),
            (CaseStatus.Closed, "[\"privacy\",\"freedom-of-expression\"]", null),
        };
        cases.AddRange(Enumerable.Repeat((CaseStatus.Investigating, "[\"privacy\"]", (Guid?)impactId), 4));
        cases.AddRange(Enumerable.Repeat((CaseStatus.Closed, "[\"freedom-of-expression\"]", (Guid?)null), 5));
        await AddCasesAsync(app, org.Id, cases);

        var register = await HtmlAsync(client, $"/o/{org.Slug}/salient-issues");
        var signals = register.Split("data-testid=\"register-signal\">")[1..].Select(s => s[..s.IndexOf('<', 1)]).ToList();
        // Expression (severity tie broken by id, so find by title order) has 6 closed cases; privacy 3, shown as "<5".
        var expressionFirst = register.IndexOf("Fictional expression issue", StringComparison.Ordinal) < register.IndexOf("Fictional privacy issue", StringComparison.Ordinal);
        Assert.Equal(expressionFirst ? new[] { "6", "<5" } : new[] { "<5", "6" }, signals.ToArray());

        var privacyPage = await HtmlAsync(client, $"/o/{org.Slug}/salient-issues/{privacy}");
        Assert.Contains("data-testid=\"signal-right\"><5<", privacyPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"signal-linked\"><5<", privacyPage, StringComparison.Ordinal);
        var expressionPage = await HtmlAsync(client, $"/o/{org.Slug}/salient-issues/{expression}");
        Assert.Contains("data-testid=\"signal-right\">6<", expressionPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"signal-linked\">0<", expressionPage, StringComparison.Ordinal);

        // A handler links a closed case to the expression issue itself in triage: it counts as linked.
        await QueryAsync(app, async db =>
        {
            var closedExpression = await db.Cases.IgnoreQueryFilters()
                .FirstAsync(c => c.OrganizationId == org.Id && c.Status == CaseStatus.Closed && c.RightKeys == "[\"freedom-of-expression\"]");
            closedExpression.SalientIssueId = expression;
            return await db.SaveChangesAsync();
        });
        Assert.Contains("data-testid=\"signal-linked\"><5<", await HtmlAsync(client, $"/o/{org.Slug}/salient-issues/{expression}"), StringComparison.Ordinal);

        // Two more closed privacy cases reach the threshold and the count is shown.
        await AddCasesAsync(app, org.Id, [(CaseStatus.Closed, "[\"privacy\"]", null), (CaseStatus.Closed, "[\"privacy\"]", null)]);
        Assert.Contains("data-testid=\"signal-right\">5<", await HtmlAsync(client, $"/o/{org.Slug}/salient-issues/{privacy}"), StringComparison.Ordinal);

        // Another organization's cases never count.
        var (other, otherOwner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        await AddCasesAsync(app, other.Id, Enumerable.Repeat((CaseStatus.Closed, "[\"freedom-of-expression\"]", (Guid?)null), 7));
        Assert.Contains("data-testid=\"signal-right\">6<", await HtmlAsync(client, $"/o/{org.Slug}/salient-issues/{expression}"), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_long_register_is_paged_in_the_engines_order_with_signals_counted_for_every_row(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var client = await app.SignInAsync(owner.Email!);
        var issues = Enumerable.Range(0, 120).Select(n => new SalientIssue
        {
            OrganizationId = org.Id,
            Title = $"Fictional issue {n:000}",
            RightKey = n % 2 == 0 ? "privacy" : "freedom-of-expression",
            Scale = 1 + (n % 5),
            Scope = 1 + (n / 5 % 5),
            Irremediability = 1 + (n / 25 % 5),
            Likelihood = 1 + (n * 7 % 5),
            CreatedByUserId = owner.Id,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        }).ToList();
        await QueryAsync(app, db =>
        {
            db.SalientIssues.AddRange(issues);
            return db.SaveChangesAsync();
        });
        var expected = Severity.Prioritize(issues.Select(i => i.ToInput()), Severity.Default)
            .Select(r => issues.Single(i => i.EngineId == r.Id)).ToList();
        var last = expected[^1];
        var impactId = Guid.NewGuid();
        await QueryAsync(app, async db =>
        {
            (await db.SalientIssues.IgnoreQueryFilters().SingleAsync(i => i.Id == last.Id)).SourceImpactId = impactId;
            return await db.SaveChangesAsync();
        });

        // Privacy: 7 closed cases, 6 of them linked to the last issue's impact; expression: 2 closed (shown as "<5") and 3 open.
        var cases = Enumerable.Repeat((CaseStatus.Closed, "[\"privacy\"]", (Guid?)impactId), 6).ToList();
        cases.Add((CaseStatus.Closed, "[\"privacy\",\"freedom-of-expression\"]", null));
        cases.Add((CaseStatus.Closed, "[\"freedom-of-expression\"]", null));
        cases.AddRange(Enumerable.Repeat((CaseStatus.Investigating, "[\"freedom-of-expression\"]", (Guid?)null), 3));
        await AddCasesAsync(app, org.Id, cases);

        var first = await HtmlAsync(client, $"/o/{org.Slug}/salient-issues");
        Assert.Equal(expected.Take(50).Select(i => i.Title), Titles(first));
        Assert.Contains("Page 1 of 3 (120 salient issues)", first, StringComparison.Ordinal);
        Assert.Contains($"href=\"/o/{org.Slug}/salient-issues?status=&right=&pageNumber=2\"", first, StringComparison.Ordinal);

        var third = await HtmlAsync(client, $"/o/{org.Slug}/salient-issues?pageNumber=3");
        var onThird = expected.Skip(100).ToList();
        Assert.Equal(onThird.Select(i => i.Title), Titles(third));
        Assert.Equal(onThird.Select(i => i.RightKey == "privacy" ? "7" : "<5"), Signals(third));
        Assert.Contains("<td>101</td>", third, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", third, StringComparison.Ordinal);
        Assert.Equal(Titles(third), Titles(await HtmlAsync(client, $"/o/{org.Slug}/salient-issues?pageNumber=99")));

        var privacy = await HtmlAsync(client, $"/o/{org.Slug}/salient-issues?right=privacy&pageNumber=2");
        Assert.Equal(expected.Where(i => i.RightKey == "privacy").Skip(50).Select(i => i.Title), Titles(privacy));
        Assert.Contains("Page 2 of 2 (60 salient issues)", privacy, StringComparison.Ordinal);
        Assert.Contains($"href=\"/o/{org.Slug}/salient-issues?status=&right=privacy&pageNumber=1\"", privacy, StringComparison.Ordinal);

        var lastPage = await HtmlAsync(client, $"/o/{org.Slug}/salient-issues/{last.Id}");
        Assert.Contains("data-testid=\"signal-right\">7<", lastPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"signal-linked\">6<", lastPage, StringComparison.Ordinal);

        // The owner is no recipient of the channel's cases: the register gives counts and never leads to a case.
        foreach (var html in new[] { first, third, lastPage })
        {
            Assert.DoesNotMatch($"/o/{org.Slug}/cases/[0-9a-f]{{8}}-", html);
        }

        var overview = await HtmlAsync(client, $"/o/{org.Slug}/due-diligence");
        var top = overview[overview.IndexOf("data-testid=\"overview-top\"", StringComparison.Ordinal)..];
        Assert.Equal(expected.Take(5).Select(i => i.Title), Titles(top[..top.IndexOf("</ol>", StringComparison.Ordinal)]));

        foreach (var bad in new[] { "0", "two" })
        {
            var refused = await client.GetAsync($"/o/{org.Slug}/salient-issues?pageNumber={bad}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("Page: enter a whole page number, 1 or more.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
    }

    private static List<string> Titles(string html) =>
        [.. Regex.Matches(html, ">(Fictional issue \\d{3})</a>").Select(m => m.Groups[1].Value)];

    private static List<string> Signals(string html) =>
        [.. html.Split("data-testid=\"register-signal\">")[1..].Select(s => s[..s.IndexOf('<', 1)])];
}
