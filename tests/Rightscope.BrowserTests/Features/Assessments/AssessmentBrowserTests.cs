using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rightscope.BrowserTests.Infrastructure;
using Rightscope.Core.Accounts;

namespace Rightscope.BrowserTests.Features.Assessments;

public sealed partial class AssessmentBrowserTests(BrowserFixture fixture)
{
    private const string Subject = "Example Surveillance Ltd (fictional)";
    private const string EvidenceTitle = "Remedy policy of Example Surveillance Ltd (fictional)";
    private const string EvidenceUrl = "https://example.org/example-surveillance/remedy-policy";

    /// <summary>The thirteen questions of the remedy section and the answer the analyst gives to each.</summary>
    private static readonly (string Item, string Answer)[] RemedyAnswers =
    [
        ("grievance-mechanism-for-affected-people", "Yes"),
        ("grievance-accessibility", "Yes"),
        ("grievance-effectiveness-criteria", "Yes"),
        ("grievance-reporting", "Partial"),
        ("remedy-commitment", "Yes"),
        ("remedy-provided", "Yes"),
        ("target-notification", "Yes"),
        ("non-retaliation-commitment", "Yes"),
        // Reversed: "No" is the good answer.
        ("legal-intimidation-of-critics", "No"),
        ("cooperates-with-external-mechanisms", "Yes"),
        ("referral-and-escalation", "Yes"),
        ("responds-to-un-and-civil-society", "Yes"),
        ("collective-remedy-initiatives", "Yes"),
    ];

    [Fact]
    public async Task Without_javascript_an_analyst_completes_a_surveillance_assessment_a_reviewer_approves_it_and_reads_the_tier_in_both_languages()
    {
        var (slug, _) = await fixture.CreateOwnerAsync();
        var analyst = await fixture.AddMemberAsync(slug, Role.Analyst);
        var reviewer = await fixture.AddMemberAsync(slug, Role.Reviewer);
        await using var context = await fixture.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();

        // The analyst starts a draft for a specialised vendor (exposure type 1).
        await PageSteps.SignInAsync(page, analyst);
        await page.GotoAsync($"/o/{slug}/assessments/new");
        var methodologyId = await page.Locator("#methodology option[value^='surveillance-investor']").First.GetAttributeAsync("value");
        Assert.NotNull(methodologyId);
        await page.GetByLabel("Methodology", new() { Exact = true }).SelectOptionAsync(methodologyId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("Subject name", new() { Exact = true }).FillAsync(Subject);
        await page.GetByLabel("Exposure to surveillance technology", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Specialised vendor" });
        await page.GetByLabel("Offers targeted intrusion tools (spyware, exploits or hacking services)").SelectOptionAsync(new SelectOptionValue { Label = "No" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();
        await page.WaitForURLAsync(OverviewUrl());
        var overviewUrl = new Uri(page.Url).AbsolutePath;
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Subject);
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Draft");
        await Assertions.Expect(Fact(page, "Exposure to surveillance technology")).ToHaveTextAsync("Specialised vendor");

        // Every question of the remedy section, answered by clicking the answers' labels.
        await page.GetByRole(AriaRole.Link, new() { Name = "Remedy", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**{overviewUrl}/sections/remedy");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Remedy");
        var questions = page.Locator("section.question");
        var keys = new List<string>();
        foreach (var labelledBy in await questions.EvaluateAllAsync<string[]>("qs => qs.map(q => q.getAttribute('aria-labelledby'))"))
        {
            keys.Add(labelledBy["q-".Length..]);
        }

        var answers = RemedyAnswers.Where(a => keys.Contains(a.Item)).ToList();
        Assert.True(answers.Count == keys.Count, "remedy questions on the page: " + string.Join(", ", keys));
        await Assertions.Expect(page.GetByTestId("progress")).ToHaveTextAsync($"0 of {keys.Count} answered");
        foreach (var (item, answer) in answers)
        {
            var question = Question(page, item);
            await question.Locator("label.choice").Filter(new() { HasTextRegex = ExactText(answer) }).ClickAsync();
            await Assertions.Expect(question.GetByRole(AriaRole.Radio, new() { Name = answer, Exact = true })).ToBeCheckedAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save this section" }).ClickAsync();
        await page.WaitForURLAsync($"**{overviewUrl}/sections/remedy?saved=1");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The section was saved and the assessment re-scored.");
        await Assertions.Expect(page.GetByTestId("progress")).ToHaveTextAsync($"{keys.Count} of {keys.Count} answered");
        foreach (var (item, answer) in answers)
        {
            await Assertions.Expect(Question(page, item).GetByRole(AriaRole.Radio, new() { Name = answer, Exact = true })).ToBeCheckedAsync();
        }

        // One evidence item for the remedy commitment, reached from the question itself.
        await Question(page, "remedy-commitment").GetByRole(AriaRole.Link, new() { Name = "Evidence: 0" }).ClickAsync();
        await page.WaitForURLAsync($"**{overviewUrl}/evidence?item=remedy-commitment");
        await Assertions.Expect(page.GetByLabel("Question it supports")).ToHaveValueAsync("remedy-commitment");
        await page.GetByLabel("Kind of source").SelectOptionAsync(new SelectOptionValue { Label = "Company disclosure" });
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(EvidenceTitle);
        await page.GetByLabel("Web address (http or https)").FillAsync(EvidenceUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add evidence" }).ClickAsync();
        await page.WaitForURLAsync($"**{overviewUrl}/evidence?added=1");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The evidence was added.");
        var source = page.GetByRole(AriaRole.Link, new() { Name = EvidenceTitle, Exact = true });
        await Assertions.Expect(source).ToHaveAttributeAsync("href", EvidenceUrl);
        await page.GotoAsync($"{overviewUrl}/sections/remedy");
        await Assertions.Expect(Question(page, "remedy-commitment").GetByRole(AriaRole.Link, new() { Name = "Evidence: 1" })).ToBeVisibleAsync();

        // The overview: total, tier and the derivation behind them. Remedy is the only answered section:
        // grievance channels (3·100 + 2·100 + 2·100 + 1·50) / 8 = 93.75, the other subsections 100,
        // remedy (2·93.75 + 2·100 + 1·100 + 1·100) / 6 = 97.92; exposure type 1 puts tier 1 at 80 or more.
        await page.GotoAsync(overviewUrl);
        await Assertions.Expect(page.GetByTestId("total")).ToHaveTextAsync("97.92");
        await Assertions.Expect(page.GetByTestId("tier")).ToHaveTextAsync("Tier 1");
        await Assertions.Expect(page.Locator("h2#derivation")).ToHaveTextAsync("How the score was derived");
        var answersTable = page.GetByRole(AriaRole.Table, new() { Name = "Answers", Exact = true });
        await Assertions.Expect(RowOf(answersTable, "Does the company report on the number and types of grievances")).ToContainTextAsync("Partial");
        var commitmentRow = RowOf(answersTable, "Does the company commit to provide or cooperate in remedy");
        await Assertions.Expect(commitmentRow.GetByRole(AriaRole.Cell)).ToHaveTextAsync(["Company", "Yes", "100", "3", "100", "1"]);
        await Assertions.Expect(RowOf(answersTable, "Has the company brought or threatened legal action")).ToContainTextAsync("(reversed)");
        var combinations = page.GetByRole(AriaRole.Table, new() { Name = "Combinations", Exact = true });
        await Assertions.Expect(RowOf(combinations, "Grievance channels", exact: true).GetByRole(AriaRole.Cell).Last).ToHaveTextAsync("93.75");
        await Assertions.Expect(RowOf(combinations, "Remedy", exact: true).GetByRole(AriaRole.Cell).Last).ToHaveTextAsync("97.92");
        var rules = page.GetByRole(AriaRole.Table, new() { Name = "Tier rules", Exact = true });
        await Assertions.Expect(RowOf(rules, "Threshold 1: tier 1 from 80, tier 2 from 60").GetByRole(AriaRole.Cell)).ToHaveTextAsync("applies: total 97.92 gives tier 1");
        await Assertions.Expect(RowOf(rules, "Tier", exact: true).GetByRole(AriaRole.Cell)).ToHaveTextAsync("threshold tier 1, worst floor — → tier 1");

        // Accessibility of the section page and the overview, checked in a JavaScript context for axe.
        var problems = new List<string>();
        await using (var axeContext = await fixture.NewContextAsync(javaScript: true))
        {
            var axePage = await axeContext.NewPageAsync();
            await PageSteps.SignInAsync(axePage, analyst);
            foreach (var url in new[] { $"{overviewUrl}/sections/remedy", overviewUrl })
            {
                await axePage.GotoAsync(url);
                problems.AddRange(await AxeChecks.SeriousViolationsAsync(axePage));
            }
        }

        // Submitting needs every question answered: refused while the other two sections are open.
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"{keys.Count} of ");
        await page.GotoAsync(overviewUrl);
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Draft");

        // This vendor's governance and product lifecycle are out of the test's scope: "Not applicable" leaves
        // the total as it is (not-applicable answers are excluded), and completes the assessment.
        foreach (var section in new[] { "governance-policies-practices", "product-lifecycle" })
        {
            await page.GotoAsync($"{overviewUrl}/sections/{section}");
            var open = page.Locator("section.question");
            for (var i = 0; i < await open.CountAsync(); i++)
            {
                await open.Nth(i).Locator("label.choice").Filter(new() { HasTextRegex = ExactText("Not applicable") }).ClickAsync();
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Save this section" }).ClickAsync();
            await page.WaitForURLAsync($"**{overviewUrl}/sections/{section}?saved=1");
        }

        await page.GotoAsync(overviewUrl);
        await Assertions.Expect(page.GetByTestId("total")).ToHaveTextAsync("97.92");

        // Submitted for review; the author cannot approve it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("In review");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0);
        await page.Locator(".sign-out button").ClickAsync();

        // A second person approves it with a next review date.
        await PageSteps.SignInAsync(page, reviewer);
        await page.GotoAsync(overviewUrl);
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("In review");
        var nextReview = DateTime.UtcNow.Date.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.GetByLabel("Next review on").FillAsync(nextReview);
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await page.WaitForURLAsync($"**{overviewUrl}");
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Approved");
        await Assertions.Expect(page.Locator($"time[datetime='{nextReview}']")).ToHaveTextAsync(nextReview);
        await Assertions.Expect(page.GetByTestId("tier")).ToHaveTextAsync("Tier 1");

        // The same overview in Chinese.
        await page.Locator(".language-switcher").GetByRole(AriaRole.Button, new() { Name = "中文" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("已批准");
        await Assertions.Expect(page.GetByTestId("total")).ToHaveTextAsync("97.92");
        await Assertions.Expect(page.GetByTestId("tier")).ToHaveTextAsync("风险等级 1");
        await Assertions.Expect(Fact(page, "监控技术敞口类型")).ToHaveTextAsync("专门从事监控技术的公司");
        await Assertions.Expect(page.Locator("h2#derivation")).ToHaveTextAsync("得分如何得出");
        var answersZh = page.GetByRole(AriaRole.Table, new() { Name = "回答", Exact = true });
        await Assertions.Expect(RowOf(answersZh, "公司是否承诺在其造成或促成损害").GetByRole(AriaRole.Cell)).ToHaveTextAsync(["公司", "是", "100", "3", "100", "1"]);
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "合并", Exact = true })).ToBeVisibleAsync();
        var rulesZh = page.GetByRole(AriaRole.Table, new() { Name = "风险等级规则", Exact = true });
        await Assertions.Expect(RowOf(rulesZh, "门槛 1：80 分及以上为一级，60 分及以上为二级").GetByRole(AriaRole.Cell)).ToHaveTextAsync("适用：总分 97.92，对应1级");
        await Assertions.Expect(RowOf(rulesZh, "风险等级", exact: true).GetByRole(AriaRole.Cell)).ToHaveTextAsync("门槛等级 1，最严格下限 — → 1级");

        Assert.True(problems.Count == 0, "axe found serious or critical violations:\n" + string.Join("\n", problems));
    }

    private static Func<string, bool> OverviewUrl() =>
        url => OverviewPath().IsMatch(new Uri(url).AbsolutePath);

    private static ILocator Question(IPage page, string item) => page.Locator($"section.question[aria-labelledby='q-{item}']");

    private static ILocator Fact(IPage page, string term) =>
        page.Locator("dl.facts dt").Filter(new() { HasTextRegex = ExactText(term) }).Locator("xpath=following-sibling::dd[1]");

    /// <summary>The row whose header starts with (or, when <paramref name="exact"/>, is) <paramref name="header"/>.</summary>
    private static ILocator RowOf(ILocator table, string header, bool exact = false) =>
        table.GetByRole(AriaRole.Row).Filter(new()
        {
            Has = table.Page.GetByRole(AriaRole.Rowheader).Filter(new() { HasTextRegex = exact ? ExactText(header) : new Regex("^\\s*" + Regex.Escape(header)) }),
        });

    private static Regex ExactText(string text) => new("^\\s*" + Regex.Escape(text) + "\\s*$");

    [GeneratedRegex("^/o/[^/]+/assessments/[0-9a-f-]{36}$")]
    private static partial Regex OverviewPath();
}
