using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Rightscope.Core.Accounts;
using Rightscope.Core.Organizations;
using Rightscope.Features.Hrdd;
using Rightscope.Features.Organizations;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.HumanRightsReports.HumanRightsReportSteps;

namespace Rightscope.Tests.Features.HumanRightsReports;

/// <summary>
/// The report's facts from the due diligence cycle and the grievance mechanism: every section fed from the real
/// records, part C matched by salient issue, another organization's records never shown, and the exports carrying the
/// same facts as the pages.
/// </summary>
public sealed class ReportFactsTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Each_section_shows_its_organizations_facts_per_issue_and_the_exports_carry_them(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var (other, _) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var seeded = await ReportFactsSeed.SeedCycleAsync(app, org, "Alpha");
        await ReportFactsSeed.SeedCycleAsync(app, other, "Beta");
        var analyst = await app.SignInAsync((await app.AddMemberAsync(org, Role.Analyst)).Email!);
        var id = await CreatedAsync(analyst, org);
        var (privacy, expression) = (seeded.Privacy, seeded.Expression);

        async Task<string> Section(string section, SalientIssue? issue = null)
        {
            var response = await analyst.GetAsync(SectionPage(org, id, section, issue));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.DoesNotContain("Beta", page, StringComparison.Ordinal);
            return page;
        }

        var a1 = await Section("A1");
        Assert.Contains("Alpha human rights policy", a1, StringComparison.Ordinal);
        Assert.Contains("Alpha board minute", a1, StringComparison.Ordinal);
        Assert.Contains("2025-02-03", a1, StringComparison.Ordinal);
        Assert.Contains("(c) States expectations of personnel, business partners and others", a1, StringComparison.Ordinal);
        Assert.Contains("not started", a1, StringComparison.Ordinal);

        var b2 = await Section("B2");
        Assert.Contains("Alpha maps app (product)", b2, StringComparison.Ordinal);
        Assert.Contains("major decision or change in the operation", b2, StringComparison.Ordinal);
        Assert.Contains("Alpha privacy issue", b2, StringComparison.Ordinal);

        var c3Privacy = await Section("C3", privacy);
        Assert.Contains("Impact assessment that identified the issue", c3Privacy, StringComparison.Ordinal);
        Assert.Contains("deployment", c3Privacy, StringComparison.Ordinal);
        Assert.DoesNotContain("Impact assessment that identified the issue", await Section("C3", expression), StringComparison.Ordinal);

        // C2: this year's engagements on the issue only; organizations counted once; the Global South share.
        var c2Privacy = await Section("C2", privacy);
        Assert.Matches(@"Engagements</th>\s*<td>2</td>", c2Privacy);
        Assert.Matches(@"Stakeholder organizations</th>\s*<td>2</td>", c2Privacy);
        Assert.Contains("human rights defenders (1), civil society (2)", c2Privacy, StringComparison.Ordinal);
        Assert.Contains("1 of 2 (50 %)", c2Privacy, StringComparison.Ordinal);
        Assert.Contains("2025-03-01 (workshop): Alpha defaults changed", c2Privacy, StringComparison.Ordinal);
        Assert.DoesNotContain("last year's change", c2Privacy, StringComparison.Ordinal);
        Assert.DoesNotContain("Alpha expression change", c2Privacy, StringComparison.Ordinal);
        Assert.DoesNotContain("Alpha watch", c2Privacy, StringComparison.Ordinal);
        var c2Expression = await Section("C2", expression);
        Assert.Contains("Alpha expression change", c2Expression, StringComparison.Ordinal);
        Assert.Contains("1 of 1 (100 %)", c2Expression, StringComparison.Ordinal);

        // C4: the issue's actions; the one still open after its due date is overdue at the year's end.
        var c4Privacy = await Section("C4", privacy);
        Assert.Contains("Alpha shorten retention", c4Privacy, StringComparison.Ordinal);
        Assert.Contains("done on 2025-06-01", c4Privacy, StringComparison.Ordinal);
        Assert.Contains("in progress (overdue)", c4Privacy, StringComparison.Ordinal);
        Assert.Contains("Overdue actions on 2025-12-31:</strong> 1 of 2", c4Privacy, StringComparison.Ordinal);
        Assert.DoesNotContain("Alpha train moderators", c4Privacy, StringComparison.Ordinal);
        var c4Expression = await Section("C4", expression);
        Assert.Contains("Alpha train moderators", c4Expression, StringComparison.Ordinal);
        Assert.Contains("0 of 1", c4Expression, StringComparison.Ordinal);

        // C5: the issue's and its actions' indicators, the latest measurement up to the year's end against baseline and target.
        var c5Privacy = await Section("C5", privacy);
        Assert.Contains("90 days (2025-01-01)", c5Privacy, StringComparison.Ordinal);
        Assert.Contains("30 days (2026-01-01)", c5Privacy, StringComparison.Ordinal);
        Assert.Contains("60 days (2025-11-01)", c5Privacy, StringComparison.Ordinal);
        Assert.Contains("50 % (under way)", c5Privacy, StringComparison.Ordinal);
        Assert.DoesNotContain("10 days", c5Privacy, StringComparison.Ordinal);
        Assert.Contains("Alpha half understood (2025-08-01)", c5Privacy, StringComparison.Ordinal);
        Assert.Contains("No facts", await Section("C5", expression), StringComparison.Ordinal);

        // C6: cases linked to the issue, small counts suppressed; remedy kinds only from five closed cases.
        var c6Privacy = await Section("C6", privacy);
        Assert.Matches(@"Open</th>\s*<td><5</td>\s*<td><5</td>", c6Privacy);
        Assert.Matches(@"Total</th>\s*<td>8</td>\s*<td>14</td>", c6Privacy);
        Assert.Matches(@"Without a remedy</th>\s*<td><5</td>", c6Privacy);
        // 5 with a remedy and 1 without: the total is withheld too, or it would pin both.
        Assert.Matches(@"With a remedy provided or agreed</th>\s*<td>withheld</td>", c6Privacy);
        Assert.Matches(@"Total</th>\s*<td>withheld</td>", c6Privacy);
        Assert.Contains("apology", c6Privacy, StringComparison.Ordinal);
        var c6Expression = await Section("C6", expression);
        Assert.Matches(@"Closed</th>\s*<td><5</td>\s*<td>withheld</td>", c6Expression);
        Assert.DoesNotContain("apology", c6Expression, StringComparison.Ordinal);

        // Published: the Markdown and Word exports carry the same facts, in both languages.
        var reviewer = await app.SignInAsync((await app.AddMemberAsync(org, Role.Reviewer)).Email!);
        var ownerClient = await app.SignInAsync(owner.Email!);
        await WriteRequiredAsync(analyst, app, org, id, privacy, expression);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(analyst, app, org, id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(reviewer, app, org, id, "review", "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(ownerClient, app, org, id, "publish", "publish")).StatusCode);

        var anonymous = app.CreateBrowserlikeClient();
        var markdown = Regex.Replace(await (await anonymous.GetAsync(PublicPage(org, extension: ".md"))).Content.ReadAsStringAsync(), @"\\(.)", "$1");
        var docx = await DocxTextAsync(anonymous, org, "en");
        foreach (var fact in new[]
        {
            "Alpha board minute", "Alpha maps app (product)", "1 of 2 (50 %)", "2025-03-01 (workshop): Alpha defaults changed",
            "in progress (overdue)", "60 days (2025-11-01)", "50 % (under way)", "Without a remedy", "<5", "apology",
        })
        {
            Assert.Contains(fact, markdown, StringComparison.Ordinal);
            Assert.Contains(fact, docx, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Beta", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Beta", docx, StringComparison.Ordinal);
        var chinese = Regex.Replace(await (await anonymous.GetAsync(PublicPage(org, lang: "zh-Hans", extension: ".md"))).Content.ReadAsStringAsync(), @"\\(.)", "$1");
        var chineseDocx = await DocxTextAsync(anonymous, org, "zh-Hans");
        foreach (var fact in new[] { "2 次中的 1 次（50%）", "进行中（已逾期）", "60 days（2025-11-01）", "未提供补救", "道歉", "（b）参考了相关专业知识" })
        {
            Assert.Contains(fact, chinese, StringComparison.Ordinal);
            Assert.Contains(fact, chineseDocx, StringComparison.Ordinal);
        }
    }

    private static async Task<string> DocxTextAsync(HttpClient client, Organization org, string lang)
    {
        var bytes = await (await client.GetAsync(PublicPage(org, lang: lang, extension: ".docx"))).Content.ReadAsByteArrayAsync();
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return string.Join("\n", document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }
}
