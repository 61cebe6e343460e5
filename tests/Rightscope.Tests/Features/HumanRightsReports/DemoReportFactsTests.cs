using System.Globalization;
using System.Net;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.HumanRightsReports;

/// <summary>The demo company's published report carries the facts of its fictional cycle, grievance figures included.</summary>
public sealed class DemoReportFactsTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_demo_report_shows_the_commitment_the_assessments_and_suppressed_grievance_figures(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider, demo: true);
        var year = (DateTime.UtcNow.Year - 1).ToString(CultureInfo.InvariantCulture);
        var response = await app.CreateBrowserlikeClient().GetAsync($"/human-rights-reports/demo-company/{year}?lang=en");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("The five elements of Guiding Principle 16", page, StringComparison.Ordinal);
        Assert.Contains("Human rights impact assessments", page, StringComparison.Ordinal);
        Assert.Contains("Actions addressing this issue", page, StringComparison.Ordinal);
        Assert.Contains($"Grievance cases received in {year}", page, StringComparison.Ordinal);
        // All cases of the year: 3 open, 14 closed — the open count suppressed, the closed one withheld, 17 in all.
        Assert.Matches(@"Open</th>\s*<td><5</td>\s*<td><5</td>", page);
        Assert.Matches(@"Total</th>\s*<td>\d+</td>\s*<td>17</td>", page);
        Assert.Contains($"Outcomes of the linked cases closed in {year}", page, StringComparison.Ordinal);
        Assert.Contains("product or policy change", page, StringComparison.Ordinal);
        Assert.Contains("guarantees of non-repetition", page, StringComparison.Ordinal);

        var chinese = WebUtility.HtmlDecode(await (await app.CreateBrowserlikeClient().GetAsync($"/human-rights-reports/demo-company/{year}?lang=zh-Hans")).Content.ReadAsStringAsync());
        Assert.Contains($"{year} 年收到的申诉案件", chinese, StringComparison.Ordinal);
        Assert.Contains("产品或政策变更", chinese, StringComparison.Ordinal);
    }
}
