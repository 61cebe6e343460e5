using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.HumanRightsReports;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.HumanRightsReports.HumanRightsReportSteps;

namespace Rightscope.Tests.Features.HumanRightsReports;

/// <summary>Writing, reviewing, publishing and withdrawing a human rights report through the pages, with its public page and exports.</summary>
public sealed class HumanRightsReportFlowTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_report_is_approved_by_a_second_person_only_when_complete_and_publication_freezes_it(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(Rightscope.Core.Organizations.OrganizationKind.Company);
        var analyst = await app.AddMemberAsync(org, Role.Analyst);
        var reviewer = await app.AddMemberAsync(org, Role.Reviewer);
        var minor = await SeedIssueAsync(app, org, "Fictional minor issue", "expression", severity: 2, country: null);
        var severe = await SeedIssueAsync(app, org, "Fictional location data issue", "privacy", severity: 5);
        var analystClient = await app.SignInAsync(analyst.Email!);
        var reviewerClient = await app.SignInAsync(reviewer.Email!);
        var ownerClient = await app.SignInAsync(owner.Email!);
        var id = await CreatedAsync(analystClient, org);

        // Before publication the public page and exports are the same 404 as an unknown organization.
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateBrowserlikeClient().GetAsync(PublicPage(org))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateBrowserlikeClient().GetAsync(PublicPage(org, extension: ".md"))).StatusCode);

        await WriteRequiredAsync(analystClient, app, org, id, severe);
        Assert.Equal(HttpStatusCode.Redirect, (await WriteAsync(analystClient, app, org, id, "B3", null, "只有中文的重点地域说明。")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(analystClient, app, org, id, "submit")).StatusCode);
        Assert.Equal(ReportStatus.Submitted, (await ReportAsync(app, id)).Status);

        // The minor issue's part C is empty: approval names every empty required section.
        var incomplete = await StepAsync(reviewerClient, app, org, id, "review", "approve");
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var message = WebUtility.HtmlDecode(await incomplete.Content.ReadAsStringAsync());
        Assert.Contains("required sections are empty: C1 (Fictional minor issue), C2 (Fictional minor issue), C3 (Fictional minor issue), C4 (Fictional minor issue), C5 (Fictional minor issue), C6 (Fictional minor issue).", message, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Submitted, (await ReportAsync(app, id)).Status);

        // A submitted report is not edited; it goes back to draft with a reason (audited) first.
        Assert.Equal(HttpStatusCode.BadRequest, (await WriteAsync(analystClient, app, org, id, "C1", "Late edit.", issue: minor)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await StepAsync(reviewerClient, app, org, id, "review", "return", " ")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(reviewerClient, app, org, id, "review", "return", "Part C of the minor issue is missing.")).StatusCode);
        await WriteRequiredAsync(analystClient, app, org, id, minor);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(analystClient, app, org, id, "submit")).StatusCode);

        // Four eyes: the owner wrote a section, so the owner may not approve; an analyst may not review at all.
        Assert.Equal(HttpStatusCode.Forbidden, (await StepAsync(analystClient, app, org, id, "review", "return", "Analysts do not review.")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await StepAsync(analystClient, app, org, id, "review", "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(ownerClient, app, org, id, "review", "return", "Owner adds A2.")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await WriteAsync(ownerClient, app, org, id, "A2", "Fictional A2 by the owner.", "所有者撰写的 A2。")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(analystClient, app, org, id, "submit")).StatusCode);
        var own = await StepAsync(ownerClient, app, org, id, "review", "approve");
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Contains("someone else must approve it", WebUtility.HtmlDecode(await own.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(reviewerClient, app, org, id, "review", "approve")).StatusCode);
        Assert.Equal((ReportStatus.Approved, reviewer.Id), ((await ReportAsync(app, id)).Status, (await ReportAsync(app, id)).ApprovedByUserId));

        // Publishing needs the publish permission (owner).
        Assert.Equal(HttpStatusCode.Forbidden, (await StepAsync(reviewerClient, app, org, id, "publish", "publish")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(ownerClient, app, org, id, "publish", "publish")).StatusCode);
        var published = await ReportAsync(app, id);
        Assert.Equal((ReportStatus.Published, owner.Id), (published.Status, published.PublishedByUserId));

        var anonymous = app.CreateBrowserlikeClient();
        var page = await (await anonymous.GetAsync(PublicPage(org))).Content.ReadAsStringAsync();
        Assert.Contains("Human rights report 2025 — Test organization", page, StringComparison.Ordinal);
        Assert.Contains("Fictional location data issue", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("Salient issue 1: Fictional location data issue", StringComparison.Ordinal) < page.IndexOf("Salient issue 2: Fictional minor issue", StringComparison.Ordinal));
        Assert.Contains("This section is available only in Chinese.", page, StringComparison.Ordinal);
        Assert.Contains("<p lang=\"zh-Hans\">只有中文的重点地域说明。</p>", page, StringComparison.Ordinal);
        Assert.Contains("href=\"#section-a1\"", page, StringComparison.Ordinal);
        Assert.Contains("media=\"print\"", page, StringComparison.Ordinal);
        Assert.Contains("Kenya (KE)", page, StringComparison.Ordinal);
        var chinese = await (await anonymous.GetAsync(PublicPage(org, lang: "zh-Hans"))).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh-Hans\">", chinese, StringComparison.Ordinal);
        Assert.Contains("2025 年人权报告", chinese, StringComparison.Ordinal);
        Assert.Contains("这一部分只有英文版本。", chinese, StringComparison.Ordinal);

        // Later edits of the salient issue do not change the published report.
        await QueryAsync(app, async db =>
        {
            var issue = await db.SalientIssues.IgnoreQueryFilters().SingleAsync(i => i.Id == severe.Id);
            issue.Title = "Renamed after publication";
            issue.Scale = 1;
            return await db.SaveChangesAsync();
        });
        var after = await (await anonymous.GetAsync(PublicPage(org))).Content.ReadAsStringAsync();
        Assert.Equal(page, after);
        Assert.DoesNotContain("Renamed after publication", after, StringComparison.Ordinal);
        var overview = await (await reviewerClient.GetAsync(Overview(org, id))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Renamed after publication", overview, StringComparison.Ordinal);

        var markdown = await anonymous.GetAsync(PublicPage(org, extension: ".md"));
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType!.MediaType);
        var md = await markdown.Content.ReadAsStringAsync();
        Assert.StartsWith("# Human rights report 2025 — Test organization\n", md, StringComparison.Ordinal);
        Assert.Contains("#### C6. Remediation", md, StringComparison.Ordinal);
        var docx = await anonymous.GetAsync(PublicPage(org, lang: "zh-Hans", extension: ".docx"));
        using (var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var headings = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
                .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading2").Select(p => p.InnerText).ToList();
            Assert.Contains("B1. 突出人权问题声明", headings);
            Assert.Contains(document.MainDocumentPart.Document.Body.Descendants<Table>(), t => t.InnerText.Contains("Fictional location data issue", StringComparison.Ordinal));
        }

        // Withdrawal needs a reason, is audited, and the public page is gone.
        Assert.Equal(HttpStatusCode.BadRequest, (await StepAsync(ownerClient, app, org, id, "publish", "withdraw", "")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(ownerClient, app, org, id, "publish", "withdraw", "A figure was wrong.")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(PublicPage(org))).StatusCode);

        foreach (var (action, count) in new[] { ("human-rights-report.created", 1), ("human-rights-report.submitted", 3), ("human-rights-report.returned-to-draft", 2), ("human-rights-report.approved", 1), ("human-rights-report.published", 1), ("human-rights-report.withdrawn", 1) })
        {
            Assert.Equal(count, (await AuditAsync(app, org.Id, action)).Count);
        }

        var saved = await AuditAsync(app, org.Id, "human-rights-report.section-saved");
        Assert.Contains(saved, e => e.Summary.Contains("section B3 saved (en 0 characters, zh-Hans 12 characters)", StringComparison.Ordinal));
        Assert.DoesNotContain(saved, e => e.Summary.Contains("Fictional", StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Bad_input_names_the_field_and_writes_nothing(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(Rightscope.Core.Organizations.OrganizationKind.Company);
        var client = await app.SignInAsync(owner.Email!);

        foreach (var year in new[] { "", "20x5", "1999", "3000", "２０２５" })
        {
            var response = await CreateAsync(client, org, year);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("Reporting year: enter a year from 2000 to", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var id = await CreatedAsync(client, org);
        var duplicate = await CreateAsync(client, org, "2025");
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("a report for 2025 exists already", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var before = (await ReportAsync(app, id)).ConcurrencyToken;
        var tooLong = await WriteAsync(client, app, org, id, "A1", new string('x', HumanRightsReportLimits.Narrative + 1), "好");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("English text: at most 20000 characters.", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, (await ReportAsync(app, id)).ConcurrencyToken);

        // Unknown sections and issues, or a part C section without its issue, are not found.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(SectionPage(org, id, "Z9"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(SectionPage(org, id, "C1"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{SectionPage(org, id, "C1")}?issue=nope")).StatusCode);

        // A stale version is a conflict, in both languages, and nothing is saved.
        Assert.Equal(HttpStatusCode.Redirect, (await WriteAsync(client, app, org, id, "A1", "First.")).StatusCode);
        var stale = await WriteAsync(client, app, org, id, "A1", "Second.", version: before);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone else changed this report", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("First.", (await ReportAsync(app, id)).Narratives, StringComparison.Ordinal);

        // An empty report cannot be approved; the reason lists A1 … B2 except what is written.
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(client, app, org, id, "submit")).StatusCode);
        var reviewer = await app.SignInAsync((await app.AddMemberAsync(org, Role.Reviewer)).Email!);
        var refused = await StepAsync(reviewer, app, org, id, "review", "approve");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("required sections are empty: A2, B1, B2.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await StepAsync(reviewer, app, org, id, "review", "dance")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await StepAsync(client, app, org, id, "publish", "publish")).StatusCode);
    }
}

internal static class HumanRightsReportLimits
{
    public const int Narrative = Rightscope.Features.HumanRightsReports.HumanRightsReport.NarrativeMaxLength;
}
