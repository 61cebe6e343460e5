using Microsoft.Playwright;
using Rightscope.BrowserTests.Infrastructure;

namespace Rightscope.BrowserTests.Features.Security;

/// <summary>
/// Script payloads typed into the text fields of the forms across the modules are shown as text wherever they appear:
/// no script runs, no dialog opens, CSP reports nothing, no markup or javascript: link comes out of them.
/// Where each field is checked (besides the page the form leads to):
/// <list type="bullet">
/// <item>company names, sector, ticker, website → company page, company registry</item>
/// <item>portfolio name → portfolio page, portfolio list</item>
/// <item>engagement title and objectives → engagement page, engagement list, company page</item>
/// <item>assessment subject, section notes, evidence title, publisher, excerpt and URL → assessment overview, section, evidence page, assessment list</item>
/// <item>salient issue fields → salient issue page, register</item>
/// <item>action fields → action page, action list</item>
/// <item>government request authority, reference, summary and notes → request page, request list</item>
/// <item>human rights report section text → section page, report overview</item>
/// <item>grievance channel names and introductions → channel list, public channel page (both languages)</item>
/// <item>a public report's answers and a follow-up message → the case page the handler reads, the case list</item>
/// <item>the handler's reply and note → case page, the reporter's follow-up page</item>
/// </list>
/// </summary>
[Collection(DemoServerCollection.Name)]
public sealed class XssBrowserTests(BrowserFixture fixture, DemoServer server)
{
    [Fact]
    public async Task Script_payloads_in_text_fields_across_the_modules_are_rendered_as_text_and_never_run()
    {
        fixture.RequireBrowser();
        var probe = new XssProbe();

        await using (var investorContext = await server.NewContextAsync(fixture))
        {
            var page = await probe.OpenAsync(investorContext);
            var (email, password) = server.Account("demo-investor", "owner");
            await PageSteps.SignInAsync(page, email, password);
            await probe.StepAsync("investor forms", () => InvestorAsync(page, probe, "/o/demo-investor"));
        }

        await using (var companyContext = await server.NewContextAsync(fixture))
        {
            var page = await probe.OpenAsync(companyContext);
            var (email, password) = server.Account("demo-company", "owner");
            await PageSteps.SignInAsync(page, email, password);
            await probe.StepAsync("salient issue", () => SalientIssueAsync(page, probe, "/o/demo-company"));
            await probe.StepAsync("action", () => ActionAsync(page, probe, "/o/demo-company"));
            await probe.StepAsync("government request", () => GovernmentRequestAsync(page, probe, "/o/demo-company"));
            await probe.StepAsync("human rights report", () => HumanRightsReportAsync(page, probe, "/o/demo-company"));
            await probe.StepAsync("grievance channel", () => ChannelAsync(page, probe, "/o/demo-company"));
        }

        Assert.True(probe.Failures.Count == 0, string.Join(Environment.NewLine, probe.Failures) + Environment.NewLine + "Checked:" + Environment.NewLine + string.Join(Environment.NewLine, probe.Checked));
        Assert.True(probe.Checked.Count >= 30, "only these pages were checked: " + string.Join(", ", probe.Checked));
    }

    [Fact]
    public async Task The_probe_reports_markup_that_a_page_let_through()
    {
        fixture.RequireBrowser();
        var probe = new XssProbe();
        await using var context = await server.NewContextAsync(fixture);
        var page = await probe.OpenAsync(context);
        await page.GotoAsync("/account/sign-in");

        // What an unescaped payload would have become: CSP blocks the handler, and the probe must say so.
        await page.EvaluateAsync("() => document.body.insertAdjacentHTML('beforeend', '<img src=\"/no-such-image\" onerror=\"window.__xss=1\"><a href=\"javascript:window.__xss=1\">x</a>')");
        await page.WaitForFunctionAsync("() => window.__violations.length > 0");
        await probe.CheckAsync(page, "injected markup", "<script>never shown</script>");

        Assert.Contains(probe.Failures, f => f.Contains("CSP violations: script-src-attr", StringComparison.Ordinal));
        Assert.Contains(probe.Failures, f => f.Contains("event handler attributes: IMG onerror=window.__xss=1", StringComparison.Ordinal));
        Assert.Contains(probe.Failures, f => f.Contains("javascript: URLs: A javascript:window.__xss=1", StringComparison.Ordinal));
        Assert.Contains(probe.Failures, f => f.Contains("'<script>never shown</script>' (injected markup) is not shown as text", StringComparison.Ordinal));
    }

    private static async Task InvestorAsync(IPage page, XssProbe probe, string org)
    {
        await page.GotoAsync($"{org}/companies/new");
        var company = await probe.SubmitAsync(page, "Input.NameEn", new Dictionary<string, string> { ["Input.Country"] = "CH", ["Input.Isin"] = "", ["Input.Lei"] = "", ["Input.Ticker"] = "" });
        var companyPage = new Uri(page.Url).AbsolutePath;
        await probe.CheckAsync(page, "company page", company["Input.NameEn"], company["Input.Sector"]);
        await probe.CheckPageAsync(page, $"{org}/companies", "company registry", company["Input.NameEn"]);

        await page.GotoAsync($"{org}/portfolios");
        var portfolio = await probe.SubmitAsync(page, "Name", new Dictionary<string, string> { ["BaseCurrency"] = "USD" });
        await probe.CheckAsync(page, "portfolio page", portfolio["Name"]);
        await probe.CheckPageAsync(page, $"{org}/portfolios", "portfolio list", portfolio["Name"]);

        await page.GotoAsync($"{companyPage}/engagements/new");
        var engagement = await probe.SubmitAsync(page, "Input.Title", null, "Input.Gaps");
        await probe.CheckAsync(page, "engagement page", engagement["Input.Title"]);
        await probe.CheckPageAsync(page, $"{org}/engagements", "engagement list", engagement["Input.Title"]);
        await probe.CheckPageAsync(page, companyPage, "company page with its engagement", engagement["Input.Title"]);

        await page.GotoAsync($"{org}/assessments/new?company={companyPage.Split('/')[^1]}");
        await page.Locator("main form[method=get] button[type=submit]").ClickAsync();
        var assessment = await probe.SubmitAsync(page, "Input.SubjectName", new Dictionary<string, string> { ["Input.Services"] = "" });
        var assessmentPage = new Uri(page.Url).AbsolutePath;
        await probe.CheckAsync(page, "assessment overview", assessment["Input.SubjectName"]);
        await probe.CheckPageAsync(page, $"{org}/assessments", "assessment list", assessment["Input.SubjectName"]);

        await page.GotoAsync(assessmentPage);
        await page.Locator($"main a[href^='{assessmentPage}/sections/']").First.ClickAsync();
        var sectionPage = new Uri(page.Url).AbsolutePath;
        var section = await probe.SubmitAsync(page, "__rs_af");
        await probe.CheckPageAsync(page, sectionPage, "section notes", [.. section.Values]);

        await page.GotoAsync($"{assessmentPage}/evidence");
        var evidence = await probe.SubmitAsync(page, "Input.Url");
        await probe.CheckPageAsync(page, $"{assessmentPage}/evidence", "evidence list", evidence["Input.Title"]);
    }

    private static async Task SalientIssueAsync(IPage page, XssProbe probe, string org)
    {
        await page.GotoAsync($"{org}/salient-issues/new");
        var issue = await probe.SubmitAsync(page, "Input.Title", new Dictionary<string, string> { ["Input.Country"] = "KE" }, "Input.Groups");
        await probe.CheckAsync(page, "salient issue page", issue["Input.Title"], issue["Input.Description"]);
        await probe.CheckPageAsync(page, $"{org}/salient-issues", "salient issue register", issue["Input.Title"]);

    }

    private static async Task ActionAsync(IPage page, XssProbe probe, string org)
    {
        await page.GotoAsync($"{org}/actions/new");
        var action = await probe.SubmitAsync(page, "Input.Title", new Dictionary<string, string> { ["Input.CompletedOn"] = "", ["Input.Status"] = "", ["Input.DueOn"] = "2030-06-30" }, "Input.Issues");
        await probe.CheckAsync(page, "action page", action["Input.Title"], action["Input.Description"]);
        await probe.CheckPageAsync(page, $"{org}/actions", "action list", action["Input.Title"]);

    }

    private static async Task GovernmentRequestAsync(IPage page, XssProbe probe, string org)
    {
        await page.GotoAsync($"{org}/government-requests/new");
        var request = await probe.SubmitAsync(page, "Input.Authority", new Dictionary<string, string> { ["Input.Decision"] = "", ["Input.DecidedOn"] = "", ["Input.UserNotified"] = "", ["Input.ItemsDisclosedOrRemoved"] = "0" });
        await probe.CheckAsync(page, "government request page", request["Input.Authority"]);
        await probe.CheckPageAsync(page, $"{org}/government-requests", "government request list", request["Input.Authority"]);

    }

    private static async Task HumanRightsReportAsync(IPage page, XssProbe probe, string org)
    {
        await page.GotoAsync($"{org}/human-rights-reports");
        await probe.SubmitAsync(page, "year", new Dictionary<string, string> { ["year"] = "2023" });
        var overview = new Uri(page.Url).AbsolutePath;
        await page.GotoAsync($"{overview}/sections/A1");
        var text = await probe.SubmitAsync(page, "textEn");
        await probe.CheckPageAsync(page, $"{overview}/sections/A1", "report section", text["textEn"]);
        await probe.CheckPageAsync(page, overview, "report overview");
    }

    private async Task ChannelAsync(IPage page, XssProbe probe, string org)
    {
        var slug = "xss-" + probe.Marker;
        await page.GotoAsync($"{org}/channels");
        var channel = await probe.SubmitAsync(page, "Input.Slug", new Dictionary<string, string> { ["Input.Slug"] = slug, ["Input.RetentionDays"] = "365" }, "Input.Recipients");
        await probe.CheckPageAsync(page, $"{org}/channels", "channel list", channel["Input.NameEn"]);

        // The reporter: a fresh browser without a session.
        await using var reporterContext = await server.NewContextAsync(fixture);
        var reporter = await probe.OpenAsync(reporterContext);
        await reporter.GotoAsync($"/report/{slug}");
        await probe.CheckAsync(reporter, "public channel", channel["Input.NameEn"], channel["Input.IntroEn"]);
        await probe.CheckPageAsync(reporter, $"/report/{slug}?lang=zh-Hans", "public channel in Chinese", channel["Input.NameZh"], channel["Input.IntroZh"]);
        await reporter.GotoAsync($"/report/{slug}");
        var report = await probe.SubmitAsync(reporter, "Answers[what-happened]");
        var receipt = (await reporter.GetByTestId("receipt").InnerTextAsync()).Trim();
        await reporter.GotoAsync($"/report/{slug}/follow-up");
        await probe.SubmitAsync(reporter, "Receipt", new Dictionary<string, string> { ["Receipt"] = receipt });
        var followUp = await probe.SubmitAsync(reporter, "Message");

        // The case handler reads the case, replies and notes.
        await using var handlerContext = await server.NewContextAsync(fixture);
        var handler = await probe.OpenAsync(handlerContext);
        var (email, password) = server.Account("demo-company", "case-handler");
        await PageSteps.SignInAsync(handler, email, password);
        await handler.GotoAsync("/account/case-keys/unlock");
        await handler.Locator("main input[type=password]").FillAsync(password);
        await handler.Locator("main form button[type=submit]").ClickAsync();
        await handler.GotoAsync($"{org}/cases");
        await probe.CheckAsync(handler, "case list", channel["Input.NameEn"]);
        await handler.GetByRole(AriaRole.Row).Filter(new() { HasText = channel["Input.NameEn"] }).GetByRole(AriaRole.Link).First.ClickAsync();
        var casePage = new Uri(handler.Url).AbsolutePath;
        await probe.CheckAsync(handler, "case page", [.. report.Values, followUp["Message"]]);
        var reply = await probe.SubmitAsync(handler, "Message");
        var note = await probe.SubmitAsync(handler, "Note");
        await probe.CheckPageAsync(handler, casePage, "case page after reply and note", reply["Message"], note["Note"]);

        await reporter.GotoAsync($"/report/{slug}/follow-up");
        await probe.SubmitAsync(reporter, "Receipt", new Dictionary<string, string> { ["Receipt"] = receipt });
        await probe.CheckAsync(reporter, "follow-up page with the reply", reply["Message"], followUp["Message"]);
    }
}
