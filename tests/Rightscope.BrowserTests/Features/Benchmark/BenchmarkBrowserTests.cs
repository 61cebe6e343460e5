using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rightscope.BrowserTests.Infrastructure;
using Rightscope.Core.Organizations;

namespace Rightscope.BrowserTests.Features.Benchmark;

public sealed class BenchmarkBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Without_javascript_or_sign_in_a_reader_opens_the_ranking_and_a_scorecard_and_downloads_open_data_whose_totals_match_the_page()
    {
        var (slug, _) = await fixture.CreateOwnerAsync(OrganizationKind.CivilSociety);
        await fixture.SeedPublishedBenchmarkAsync(slug);

        await using var context = await fixture.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();

        // 1. The list of published editions, then the 2026 ranking of this publisher.
        await page.GotoAsync("/benchmark");
        var editionPath = $"/benchmark/{slug}/digital-rights-benchmark-2026-fictional-demo";
        await page.Locator($"a[href='{editionPath}']").ClickAsync();
        await page.WaitForURLAsync($"**{editionPath}");
        var ranking = page.GetByTestId("ranking");
        await Assertions.Expect(ranking.Locator("tbody tr")).ToHaveCountAsync(8);
        await Assertions.Expect(page.Locator("svg[role='img']").First).ToBeVisibleAsync();
        var shown = new Dictionary<string, string>();
        foreach (var row in await ranking.Locator("tbody tr").AllAsync())
        {
            shown[(await row.GetAttributeAsync("data-company"))!] = (await row.GetByTestId("total").InnerTextAsync()).Trim();
        }

        // Year-over-year change is shown against the 2025 edition.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Digital rights benchmark 2025 (fictional demo) · 数字权利基准 2025（虚构示例）" })).ToBeVisibleAsync();

        // 2. A scorecard: services, the company's reply, evidence links.
        await ranking.GetByRole(AriaRole.Link, new() { Name = "Northwind Social (fictional)" }).ClickAsync();
        await page.WaitForURLAsync($"**{editionPath}/northwind-social-fictional");
        await Assertions.Expect(page.GetByTestId("services")).ToContainTextAsync("Northwind Chat (fictional)");
        await Assertions.Expect(page.GetByTestId("company-reply")).ToContainTextAsync("our appeals data now covers every service");
        await Assertions.Expect(page.GetByTestId("scorecard-total")).ToHaveTextAsync(shown.Single(s => s.Key.StartsWith("northwind", StringComparison.Ordinal)).Value);
        await Assertions.Expect(page.Locator("a[href^='https://example.org/fictional/northwind-social/']").First).ToBeAttachedAsync();

        // 3. The open data: every total re-computed from the indicator rows (category = mean of its indicators, total =
        //    mean of the categories, NA left out) matches the ranking page.
        await page.GotoAsync(editionPath);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the data (CSV)" }).ClickAsync());
        var path = await download.PathAsync();
        var lines = (await File.ReadAllLinesAsync(path!)).Where(l => l.Length > 0).ToList();
        var header = lines[0].Split(',').ToList();
        var rows = lines.Skip(1).Select(ParseCsvLine).ToList();
        int Col(string name) => header.IndexOf(name);
        Assert.All(rows, r => Assert.Equal("CC-BY-4.0", r[Col("licence")]));
        Assert.Equal(8, rows.Select(r => r[Col("company_slug")]).Distinct().Count());
        foreach (var company in rows.GroupBy(r => r[Col("company_slug")]))
        {
            var categoryMeans = company.Where(r => r[Col("kind")] == "category").Select(c => company
                    .Where(r => r[Col("kind")] == "indicator" && r[Col("category")] == c[Col("key")] && r[Col("score")] != "NA")
                    .Select(r => double.Parse(r[Col("score")], CultureInfo.InvariantCulture)).ToList())
                .Where(scores => scores.Count > 0).Select(scores => scores.Average()).ToList();
            var total = categoryMeans.Average();
            Assert.Equal(shown[company.Key], total.ToString("0.0", CultureInfo.GetCultureInfo("en")));
        }

        // 4. No serious accessibility problems on the ranking and the scorecard.
        await using var axeContext = await fixture.NewContextAsync(javaScript: true);
        var axePage = await axeContext.NewPageAsync();
        var problems = new List<string>();
        foreach (var url in new[] { "/benchmark", editionPath, $"{editionPath}/{shown.Keys.First()}", "/open-data/" })
        {
            await axePage.GotoAsync(url);
            problems.AddRange(await AxeChecks.SeriousViolationsAsync(axePage));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task A_signed_in_member_sees_published_scores_on_a_company_and_its_assessment_and_follows_them_to_the_public_scorecard()
    {
        var (slug, email) = await fixture.CreateOwnerAsync(OrganizationKind.CivilSociety);
        await fixture.SeedPublishedBenchmarkAsync(slug);
        await using var context = await fixture.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await PageSteps.SignInAsync(page, email);
        const string edition = "Digital rights benchmark 2026 (fictional demo)";
        var scorecardPath = $"/benchmark/{slug}/digital-rights-benchmark-2026-fictional-demo/northwind-social-fictional";

        // 1. The company page: the latest published edition's section with its name and the company's total.
        await page.GotoAsync($"/o/{slug}/companies?q=Northwind");
        await page.Locator($"a[href^='/o/{slug}/companies/']", new() { HasText = "Northwind Social" }).First.ClickAsync();
        await page.WaitForURLAsync(new Regex($"/o/{slug}/companies/[0-9a-f-]{{36}}$"));
        var onCompany = page.GetByTestId("published-benchmark-scores");
        await Assertions.Expect(onCompany.GetByRole(AriaRole.Link, new() { Name = edition })).ToBeVisibleAsync();
        var total = (await onCompany.GetByTestId("published-total").InnerTextAsync()).Trim();
        Assert.Matches(@"^\d+\.\d$", total);

        // 2. One of its assessments shows the same scores, indicator by indicator.
        await page.Locator($"a[href^='/o/{slug}/assessments/']:not([href*='/assessments/new'])").First.ClickAsync();
        await page.WaitForURLAsync(new Regex($"/o/{slug}/assessments/[0-9a-f-]{{36}}$"));
        var onAssessment = page.GetByTestId("published-benchmark-scores");
        await Assertions.Expect(onAssessment.GetByRole(AriaRole.Link, new() { Name = edition })).ToBeVisibleAsync();
        await Assertions.Expect(onAssessment.GetByTestId("published-total")).ToHaveTextAsync(total);
        await Assertions.Expect(onAssessment.GetByTestId("published-indicators").Locator("tr[data-indicator]").First).ToBeVisibleAsync();

        // 3. Its link leads to the public scorecard, which shows the same total.
        await onAssessment.GetByRole(AriaRole.Link, new() { Name = "Public scorecard of Northwind Social (fictional)" }).ClickAsync();
        await page.WaitForURLAsync($"**{scorecardPath}");
        await Assertions.Expect(page.GetByTestId("scorecard-total")).ToHaveTextAsync(total);
    }

    /// <summary>RFC 4180 fields of one line (the open data has no line breaks inside fields).</summary>
    private static List<string> ParseCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
