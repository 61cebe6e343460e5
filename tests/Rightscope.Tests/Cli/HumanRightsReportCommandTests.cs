using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.HumanRightsReports;
using Rightscope.Demo;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Cli;

/// <summary><c>rightscope export human-rights-report</c> on the demo company's published report, on both providers.</summary>
public sealed class HumanRightsReportCommandTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_demo_company_report_is_published_and_exports_as_markdown_and_docx_in_both_languages(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider, demo: true);
        var year = DateTime.UtcNow.Year - 1;
        var report = await Cli.WithDbAsync(app.Database, async (db, _) =>
            await db.HumanRightsReports.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => db.Organizations.Any(o => o.Id == r.OrganizationId && o.Slug == "demo-company")));
        Assert.Equal((ReportStatus.Published, year), (report.Status, report.Year));
        Assert.NotEqual(report.SubmittedByUserId, report.ApprovedByUserId);

        var page = await app.CreateBrowserlikeClient().GetAsync($"/human-rights-reports/demo-company/{year}?lang=zh-Hans");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("示例公司（虚构）", html, StringComparison.Ordinal);
        Assert.Contains("虚构的示例文本。", html, StringComparison.Ordinal);

        var md = (await Cli.RunAsync(app.Database, "", "export", "human-rights-report", "--org", "demo-company", "--year", $"{year}", "--format", "md")).AssertSucceeded();
        Assert.StartsWith($"# Human rights report {year} — Demo Company \\(fictional\\)", md.Out, StringComparison.Ordinal);
        Assert.Contains("### A1. Policy commitment", md.Out, StringComparison.Ordinal);
        Assert.Contains("Fictional demo text.", md.Out, StringComparison.Ordinal);
        var chinese = (await Cli.RunAsync(app.Database, "", "export", "human-rights-report", "--org", "demo-company", "--year", $"{year}", "--format", "md", "--lang", "zh-Hans")).AssertSucceeded();
        Assert.Contains("### A1. 政策承诺", chinese.Out, StringComparison.Ordinal);

        var path = Path.Combine(Path.GetTempPath(), $"hr-{Guid.NewGuid():N}.docx");
        try
        {
            var written = (await Cli.RunAsync(app.Database, "", "export", "human-rights-report", "--org", "demo-company", "--year", $"{year}", "--format", "docx", "--out", path)).AssertSucceeded();
            Assert.Contains("human rights report of demo-company", written.Error, StringComparison.Ordinal);
            using var document = WordprocessingDocument.Open(path, false);
            var headings = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
                .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
            Assert.Equal(["Part A — Governance of respect for human rights", "Part B — Defining the focus of reporting", "Part C — Management of salient human rights issues"], headings);
        }
        finally
        {
            File.Delete(path);
        }

        (await Cli.RunAsync(app.Database, "", "export", "human-rights-report", "--org", "demo-company", "--year", "1999", "--format", "md"))
            .AssertFailedWith("--org/--year", "no published human rights report for 1999");
        (await Cli.RunAsync(app.Database, "", "export", "human-rights-report", "--org", "demo-company", "--year", "20x5", "--format", "md"))
            .AssertFailedWith("--year", "not a year");
        (await Cli.RunAsync(app.Database, "", "export", "human-rights-report", "--org", "no-such-org", "--year", $"{year}", "--format", "md"))
            .AssertFailedWith("no-such-org");
        (await Cli.RunAsync(app.Database, "", "export", "human-rights-report", "--org", "demo-company", "--year", $"{year}", "--format", "docx"))
            .AssertFailedWith("--out");
        Assert.Contains(DemoSeeder.Organizations, o => o.Slug == "demo-company");
    }
}
