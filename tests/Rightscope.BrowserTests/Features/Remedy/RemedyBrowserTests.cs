using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rightscope.BrowserTests.Infrastructure;
using Rightscope.Core.Accounts;
using Rightscope.Core.Organizations;
using Rightscope.Core.Remedy;

namespace Rightscope.BrowserTests.Features.Remedy;

public sealed partial class RemedyBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Without_javascript_a_reporter_sends_a_report_in_Chinese_the_handler_decrypts_acknowledges_replies_refers_and_closes_with_a_remedy_and_the_reporter_follows_it_with_the_receipt()
    {
        var (slug, owner) = await fixture.CreateOwnerAsync(OrganizationKind.Company);
        var handler = await fixture.AddMemberAsync(slug, Role.CaseHandler);
        var marker = Guid.NewGuid().ToString("N")[..12];
        var description = $"这款应用在我不知情的情况下把我的位置分享给了别人。标记 {marker}";
        var reply = $"感谢您的举报。我们已开始调查，并会在这里告诉您进展。回复 {marker}";
        var channel = "ch-" + marker;
        var channelName = "Product grievances " + marker;
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // The case handler creates case keys by re-entering the password; the recovery key is shown this once.
        await using var handlerContext = await fixture.NewContextAsync(javaScript: false);
        var handlerPage = await handlerContext.NewPageAsync();
        await PageSteps.SignInAsync(handlerPage, handler);
        await handlerPage.GotoAsync("/account/case-keys");
        await Assertions.Expect(handlerPage.Locator("h1")).ToHaveTextAsync("Case keys");
        await handlerPage.GetByLabel("Your account password", new() { Exact = true }).FillAsync(BrowserFixture.Password);
        await handlerPage.GetByRole(AriaRole.Button, new() { Name = "Create my case keys" }).ClickAsync();
        var recoveryNotice = handlerPage.GetByRole(AriaRole.Status);
        await Assertions.Expect(recoveryNotice.GetByRole(AriaRole.Heading, new() { Name = "Your recovery key" })).ToBeVisibleAsync();
        await Assertions.Expect(handlerPage.GetByTestId("recovery-key")).ToHaveTextAsync(RecoveryKeyFormat());
        await Assertions.Expect(handlerPage.GetByTestId("keys-exist")).ToContainTextAsync("Your case keys were created on");
        await handlerPage.GotoAsync("/account/case-keys");
        await Assertions.Expect(handlerPage.GetByTestId("keys-exist")).ToBeVisibleAsync();
        await Assertions.Expect(handlerPage.GetByTestId("recovery-key")).ToHaveCountAsync(0);
        await Assertions.Expect(handlerPage.GetByRole(AriaRole.Button, new() { Name = "Create my case keys" })).ToHaveCountAsync(0);

        // The owner creates a general grievance channel in both languages, received by the handler; no case in any state yet.
        await using var ownerContext = await fixture.NewContextAsync(javaScript: false);
        var ownerPage = await ownerContext.NewPageAsync();
        await PageSteps.SignInAsync(ownerPage, owner);
        await ownerPage.GotoAsync($"/o/{slug}/channels");
        await Assertions.Expect(ownerPage.Locator("h1")).ToHaveTextAsync("Reporting channels");
        await ownerPage.GetByLabel("Address name (in /report/…)", new() { Exact = true }).FillAsync(channel);
        await ownerPage.GetByLabel("Name in English", new() { Exact = true }).FillAsync(channelName);
        await ownerPage.GetByLabel("Name in Chinese", new() { Exact = true }).FillAsync("产品申诉渠道 " + marker);
        await ownerPage.GetByLabel("Introduction in English", new() { Exact = true }).FillAsync("Tell us how our product harmed you or others.");
        await ownerPage.GetByLabel("Introduction in Chinese", new() { Exact = true }).FillAsync("请告诉我们我们的产品如何伤害了您或他人。");
        await ownerPage.GetByLabel("Questionnaire", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Grievance (harm from a product or service)" });
        await ownerPage.GetByLabel("Retention period (days)", new() { Exact = true }).FillAsync("365");
        var recipients = ownerPage.GetByRole(AriaRole.Group, new() { Name = "Recipients (case handlers)" });
        await recipients.GetByRole(AriaRole.Checkbox, new() { Name = $"({handler})" }).CheckAsync();
        await ownerPage.GetByRole(AriaRole.Button, new() { Name = "Create the channel" }).ClickAsync();
        await Assertions.Expect(ownerPage.GetByRole(AriaRole.Status)).ToHaveTextAsync($"The channel {channel} was created.");
        var channelRow = ownerPage.GetByRole(AriaRole.Row).Filter(new() { Has = ownerPage.GetByRole(AriaRole.Rowheader, new() { Name = channelName, Exact = true }) });
        await Assertions.Expect(channelRow.GetByRole(AriaRole.Link, new() { Name = $"/report/{channel}", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(channelRow.GetByRole(AriaRole.Cell)).ToHaveTextAsync([$"/report/{channel}", "Grievance (harm from a product or service)", "1", "acknowledge in 7 days, feedback in 3 months Change", .. Enumerable.Repeat("0", Enum.GetValues<CaseStatus>().Length)]);

        // A reporter without JavaScript and without an account; every request of this browser is recorded.
        await using var reporterContext = await fixture.NewContextAsync(javaScript: false);
        var requests = new ConcurrentQueue<string>();
        reporterContext.Request += (_, request) => requests.Enqueue(request.Url);
        var reporter = await reporterContext.NewPageAsync();
        await reporter.GotoAsync($"/report/{channel}?lang=zh-Hans");
        await Assertions.Expect(reporter.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");
        await Assertions.Expect(reporter.Locator("h1")).ToHaveTextAsync("产品申诉渠道 " + marker);
        await Assertions.Expect(reporter.GetByText("请告诉我们我们的产品如何伤害了您或他人。")).ToBeVisibleAsync();
        var quickExit = reporter.GetByRole(AriaRole.Link, new() { Name = "快速离开", Exact = true });
        await Assertions.Expect(quickExit).ToBeVisibleAsync();
        await Assertions.Expect(quickExit).ToHaveAttributeAsync("href", "about:blank");
        await Assertions.Expect(reporter.GetByRole(AriaRole.Link, new() { Name = "已经举报过？请使用回执码跟进。" })).ToBeVisibleAsync();
        await reporter.GetByLabel("发生了什么？", new() { Exact = true }).FillAsync(description);
        await reporter.GetByLabel("涉及哪个产品或服务？").FillAsync("示例定位应用");
        await reporter.GetByLabel("何时发生？").FillAsync("2025-03-14");
        await reporter.GetByLabel("在哪个国家？").FillAsync("示例国");
        // A file goes with it, without any script: the form is a plain multipart form, read and encrypted as it streams.
        await Assertions.Expect(reporter.GetByLabel("删除照片中的隐藏信息", new() { Exact = true })).ToBeCheckedAsync();
        await reporter.GetByLabel("选择文件", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "说明.txt",
            MimeType = "text/plain",
            Buffer = System.Text.Encoding.UTF8.GetBytes("关闭定位后，应用仍然记录了我的位置。"),
        });
        await reporter.GetByRole(AriaRole.Button, new() { Name = "提交举报" }).ClickAsync();
        await Assertions.Expect(reporter.Locator("h1")).ToHaveTextAsync("您的举报已收到");
        await Assertions.Expect(reporter.GetByTestId("stored-files")).ToBeVisibleAsync();
        var receiptText = await reporter.GetByTestId("receipt").InnerTextAsync();
        Assert.Matches(ReceiptFormat(), receiptText.Trim());
        var receipt = receiptText.Trim();

        // Straight away the reporter follows up with the receipt and sees the case as received, still in Chinese.
        await reporter.GetByRole(AriaRole.Link, new() { Name = "跟进您的举报" }).ClickAsync();
        await reporter.WaitForURLAsync($"**/report/{channel}/follow-up?lang=zh-Hans");
        await FollowUpAsync(reporter, receipt);
        await Assertions.Expect(reporter.GetByTestId("case-status")).ToHaveTextAsync("已收到");
        await Assertions.Expect(reporter.GetByText("暂无消息。")).ToBeVisibleAsync();
        await Assertions.Expect(reporter.GetByTestId("your-files")).ToHaveTextAsync("说明.txt");

        // The handler unlocks the case key, finds the case and reads the decrypted report in Chinese.
        await handlerPage.GotoAsync($"/o/{slug}/cases");
        await Assertions.Expect(handlerPage.GetByText("Your case key is locked.")).ToBeVisibleAsync();
        await handlerPage.GetByRole(AriaRole.Link, new() { Name = "Unlock case key", Exact = true }).ClickAsync();
        await handlerPage.WaitForURLAsync("**/account/case-keys/unlock?returnUrl=**");
        await handlerPage.GetByLabel("Your account password", new() { Exact = true }).FillAsync(BrowserFixture.Password);
        await handlerPage.GetByRole(AriaRole.Button, new() { Name = "Unlock", Exact = true }).ClickAsync();
        await handlerPage.WaitForURLAsync($"**/o/{slug}/cases");
        await Assertions.Expect(handlerPage.GetByText("Your case key is locked.")).ToHaveCountAsync(0);
        var cases = handlerPage.GetByRole(AriaRole.Table, new() { Name = "Cases", Exact = true });
        var caseLink = cases.GetByRole(AriaRole.Link, new() { NameRegex = CaseLabel() });
        await Assertions.Expect(caseLink).ToHaveCountAsync(1);
        await Assertions.Expect(cases.GetByRole(AriaRole.Row).Filter(new() { Has = handlerPage.GetByRole(AriaRole.Link, new() { NameRegex = CaseLabel() }) }).GetByRole(AriaRole.Cell))
            .ToHaveTextAsync([channelName, "Received", "Normal", "", today, ""]);
        var caseName = await caseLink.InnerTextAsync();
        await caseLink.ClickAsync();
        await handlerPage.WaitForURLAsync(CaseUrl());
        var caseUrl = new Uri(handlerPage.Url).AbsolutePath;
        await Assertions.Expect(handlerPage.Locator("h1")).ToHaveTextAsync(caseName);
        await Assertions.Expect(handlerPage.GetByTestId("case-status")).ToHaveTextAsync("Received");
        await Assertions.Expect(Fact(handlerPage, "Language of the report")).ToHaveTextAsync("zh-Hans");
        await Assertions.Expect(Answer(handlerPage, "What happened?")).ToHaveTextAsync(description);
        await Assertions.Expect(Answer(handlerPage, "Which product or service was involved?")).ToHaveTextAsync("示例定位应用");
        await Assertions.Expect(Answer(handlerPage, "When did it happen?")).ToHaveTextAsync("2025-03-14");
        await Assertions.Expect(Answer(handlerPage, "In which country?")).ToHaveTextAsync("示例国");
        await Assertions.Expect(handlerPage.GetByTestId("case-files").GetByRole(AriaRole.Link, new() { Name = "说明.txt", Exact = true })).ToBeVisibleAsync();

        // Acknowledged, then answered.
        await handlerPage.GetByRole(AriaRole.Button, new() { Name = "Acknowledge receipt" }).ClickAsync();
        await handlerPage.WaitForURLAsync($"**{caseUrl}?done=acknowledged");
        await Assertions.Expect(handlerPage.GetByRole(AriaRole.Status)).ToHaveTextAsync("The case is acknowledged.");
        await Assertions.Expect(handlerPage.GetByTestId("case-status")).ToHaveTextAsync("Acknowledged");
        await Assertions.Expect(handlerPage.GetByRole(AriaRole.Button, new() { Name = "Acknowledge receipt" })).ToHaveCountAsync(0);
        await handlerPage.GetByLabel("Reply to the reporter", new() { Exact = true }).FillAsync(reply);
        await handlerPage.GetByRole(AriaRole.Button, new() { Name = "Send the reply" }).ClickAsync();
        await handlerPage.WaitForURLAsync($"**{caseUrl}?done=replied");
        await Assertions.Expect(handlerPage.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your reply was sent.");
        await Assertions.Expect(handlerPage.GetByTestId("message")).ToHaveCountAsync(1);
        await Assertions.Expect(handlerPage.GetByTestId("message")).ToContainTextAsync("Case handler");
        await Assertions.Expect(handlerPage.GetByTestId("message").Locator(".message-text")).ToHaveTextAsync(reply);

        // The reporter comes back with nothing but the receipt and reads the reply.
        await reporter.GotoAsync($"/report/{channel}/follow-up?lang=zh-Hans");
        await FollowUpAsync(reporter, receipt);
        await Assertions.Expect(reporter.GetByTestId("case-status")).ToHaveTextAsync("已确认收到");
        var messages = reporter.GetByTestId("message");
        await Assertions.Expect(messages).ToHaveCountAsync(1);
        await Assertions.Expect(messages).ToContainTextAsync("案件处理人员");
        await Assertions.Expect(messages.Locator(".message-text")).ToHaveTextAsync(reply);

        // The handler moves the case on: the assessment starts, the case goes to a data-protection authority in parallel.
        var problems = new List<string>();
        await using var axeHandlerContext = await fixture.NewContextAsync(javaScript: true);
        var axeHandlerPage = await axeHandlerContext.NewPageAsync();
        await PageSteps.SignInAsync(axeHandlerPage, handler);
        await handlerPage.GetByRole(AriaRole.Button, new() { Name = "Start the assessment", Exact = true }).ClickAsync();
        await handlerPage.WaitForURLAsync($"**{caseUrl}?done=step");
        await Assertions.Expect(handlerPage.GetByRole(AriaRole.Status)).ToHaveTextAsync("The case moved to its next step.");
        await Assertions.Expect(handlerPage.GetByTestId("case-status")).ToHaveTextAsync("Under assessment");
        var referrals = handlerPage.GetByTestId("referrals");
        await Assertions.Expect(referrals.GetByText("The case has not been referred.")).ToBeVisibleAsync();
        var referralForm = referrals.Locator("form").Filter(new() { Has = handlerPage.GetByRole(AriaRole.Button, new() { Name = "Record the referral" }) });
        // Sent without a choice, it is refused field by field, each message read out with its field, and nothing changes.
        await referralForm.GetByRole(AriaRole.Button, new() { Name = "Record the referral" }).ClickAsync();
        await Assertions.Expect(referralForm.GetByLabel("Mechanism", new() { Exact = true })).ToHaveAccessibleDescriptionAsync("Mechanism: choose one of the mechanisms.");
        await Assertions.Expect(referralForm.GetByRole(AriaRole.Group, new() { Name = "Own handling" })).ToHaveAccessibleDescriptionAsync(new Regex("^Own handling: choose whether"));
        await Assertions.Expect(handlerPage.GetByTestId("case-status")).ToHaveTextAsync("Under assessment");
        await Assertions.Expect(referrals.GetByTestId("referral")).ToHaveCountAsync(0);
        await referralForm.GetByLabel("Mechanism", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Data protection authority" });
        await referralForm.GetByRole(AriaRole.Group, new() { Name = "Own handling" })
            .GetByRole(AriaRole.Radio, new() { Name = "In parallel with our own handling" }).CheckAsync();
        await referralForm.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Sent" });
        var referralDetails = $"Sent to the data protection authority with the reporter's consent. {marker}";
        await referralForm.GetByLabel("Details and outcome", new() { Exact = true }).FillAsync(referralDetails);
        await referralForm.GetByRole(AriaRole.Button, new() { Name = "Record the referral" }).ClickAsync();
        await handlerPage.WaitForURLAsync($"**{caseUrl}?done=referred");
        await Assertions.Expect(handlerPage.GetByRole(AriaRole.Status)).ToHaveTextAsync("The referral was recorded.");
        await Assertions.Expect(handlerPage.GetByTestId("case-status")).ToHaveTextAsync("Referred");
        var referral = referrals.GetByTestId("referral");
        await Assertions.Expect(referral).ToHaveCountAsync(1);
        await Assertions.Expect(referral.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Data protection authority");
        await Assertions.Expect(referral.Locator("dl.facts dd")).ToHaveTextAsync(["In parallel with our own handling", $"Sent ({today})", today]);
        await Assertions.Expect(referral.GetByLabel("Details and outcome", new() { Exact = true })).ToHaveValueAsync(referralDetails);
        await Assertions.Expect(referrals.GetByText("The case has not been referred.")).ToHaveCountAsync(0);
        problems.AddRange(await CaseAxeViolationsAsync(axeHandlerPage, caseUrl, referralDetails));

        // A remedy is proposed and its outcome recorded; then the case is closed with it.
        await handlerPage.GetByRole(AriaRole.Button, new() { Name = "Propose a remedy", Exact = true }).ClickAsync();
        await handlerPage.WaitForURLAsync($"**{caseUrl}?done=step");
        await Assertions.Expect(handlerPage.GetByTestId("case-status")).ToHaveTextAsync("Remedy proposed");
        var outcomes = handlerPage.GetByTestId("outcomes");
        await Assertions.Expect(outcomes.GetByText("No remedy outcome recorded yet.")).ToBeVisibleAsync();
        var outcomeDescription = $"The app no longer shares locations without consent; the shared history was deleted. {marker}";
        await Assertions.Expect(outcomes.GetByLabel("Date", new() { Exact = true })).ToHaveValueAsync(today);
        await outcomes.GetByLabel("What the remedy consists of", new() { Exact = true }).FillAsync(outcomeDescription);
        await outcomes.GetByRole(AriaRole.Button, new() { Name = "Record the outcome" }).ClickAsync();
        await Assertions.Expect(outcomes.GetByLabel("Type of remedy", new() { Exact = true })).ToHaveAccessibleDescriptionAsync("Type of remedy: choose one of the types.");
        await Assertions.Expect(outcomes.GetByLabel("What the remedy consists of", new() { Exact = true })).ToHaveValueAsync(outcomeDescription);
        await Assertions.Expect(outcomes.GetByTestId("outcome")).ToHaveCountAsync(0);
        await outcomes.GetByLabel("Type of remedy", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Product or policy change" });
        await outcomes.GetByRole(AriaRole.Button, new() { Name = "Record the outcome" }).ClickAsync();
        await handlerPage.WaitForURLAsync($"**{caseUrl}?done=outcome");
        await Assertions.Expect(handlerPage.GetByRole(AriaRole.Status)).ToHaveTextAsync("The remedy outcome was recorded.");
        var outcome = outcomes.GetByTestId("outcome");
        await Assertions.Expect(outcome).ToHaveCountAsync(1);
        await Assertions.Expect(outcome.Locator(".hint")).ToHaveTextAsync($"Product or policy change · {today}");
        await Assertions.Expect(outcome.Locator(".message-text")).ToHaveTextAsync(outcomeDescription);
        await handlerPage.GetByRole(AriaRole.Button, new() { Name = "Close the case", Exact = true }).ClickAsync();
        await handlerPage.WaitForURLAsync($"**{caseUrl}?done=closed");
        await Assertions.Expect(handlerPage.GetByRole(AriaRole.Status)).ToHaveTextAsync("The case is closed.");
        await Assertions.Expect(handlerPage.GetByTestId("case-status")).ToHaveTextAsync("Closed");
        await Assertions.Expect(Fact(handlerPage, "Closed on")).ToHaveTextAsync(today);
        await Assertions.Expect(handlerPage.GetByTestId("workflow").Locator("ol.steps li")).ToHaveTextAsync(
        [
            $"{today} · Received → Acknowledged",
            $"{today} · Acknowledged → Under assessment",
            $"{today} · Under assessment → Referred",
            $"{today} · Referred → Remedy proposed",
            $"{today} · Remedy proposed → Closed",
        ]);
        await Assertions.Expect(referral.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Data protection authority");
        await Assertions.Expect(outcome.Locator(".message-text")).ToHaveTextAsync(outcomeDescription);
        await Assertions.Expect(outcomes.GetByRole(AriaRole.Button, new() { Name = "Record the outcome" })).ToHaveCountAsync(0);
        await Assertions.Expect(handlerPage.GetByRole(AriaRole.Button, new() { Name = "Close the case", Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(handlerPage.GetByLabel("Reply to the reporter", new() { Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(handlerPage.GetByRole(AriaRole.Button, new() { Name = "Reopen the case", Exact = true })).ToBeVisibleAsync();
        problems.AddRange(await CaseAxeViolationsAsync(axeHandlerPage, caseUrl, referralDetails));

        // The reporter, still with nothing but the receipt, sees the case closed in Chinese with the reply, and answers.
        await reporter.GotoAsync($"/report/{channel}/follow-up?lang=zh-Hans");
        await FollowUpAsync(reporter, receipt);
        await Assertions.Expect(reporter.GetByTestId("case-status")).ToHaveTextAsync("已结案");
        await Assertions.Expect(messages).ToHaveCountAsync(1);
        await Assertions.Expect(messages.Locator(".message-text")).ToHaveTextAsync(reply);
        await Assertions.Expect(reporter.GetByLabel("您给案件处理人员的消息", new() { Exact = true })).ToHaveCountAsync(0);
        var satisfaction = reporter.GetByRole(AriaRole.Group, new() { Name = "您对举报的处理情况满意吗？" });
        await Assertions.Expect(satisfaction.GetByRole(AriaRole.Radio)).ToHaveCountAsync(6);
        await satisfaction.GetByRole(AriaRole.Radio, new() { Name = "满意", Exact = true }).CheckAsync();
        await reporter.GetByRole(AriaRole.Button, new() { Name = "提交回答", Exact = true }).ClickAsync();
        await Assertions.Expect(reporter.GetByTestId("satisfaction").GetByRole(AriaRole.Status)).ToHaveTextAsync("谢谢：您的回答已保存。我们只保存您的选择。");
        await Assertions.Expect(reporter.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");
        await Assertions.Expect(reporter.GetByTestId("case-status")).ToHaveTextAsync("已结案");
        await Assertions.Expect(reporter.GetByRole(AriaRole.Group, new() { Name = "您对举报的处理情况满意吗？" })
            .GetByRole(AriaRole.Radio, new() { Name = "满意", Exact = true })).ToBeCheckedAsync();

        // A wrong receipt and a malformed one: the same localized page, which never echoes what was typed.
        var notFound = new List<string>();
        foreach (var wrong in new[] { WrongReceipt(receipt), "不是回执码" })
        {
            await reporter.GotoAsync($"/report/{channel}/follow-up?lang=zh-Hans");
            await FollowUpAsync(reporter, wrong);
            await Assertions.Expect(reporter.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");
            await Assertions.Expect(reporter.GetByRole(AriaRole.Alert)).ToContainTextAsync("没有与此回执码匹配的举报。请核对这 16 位数字后重试。");
            var field = reporter.GetByLabel("回执码", new() { Exact = true });
            await Assertions.Expect(field).ToHaveValueAsync("");
            await Assertions.Expect(field).ToHaveAccessibleDescriptionAsync(new Regex("没有与此回执码匹配的举报。请核对这 16 位数字后重试。"));
            await Assertions.Expect(reporter.GetByTestId("case-status")).ToHaveCountAsync(0);
            notFound.Add(await reporter.Locator("main").InnerTextAsync());
        }

        Assert.Equal(notFound[0], notFound[1]);

        // Nothing the reporter's browser asked for went anywhere but this server, and it holds no cookie but anti-forgery.
        Assert.NotEmpty(requests);
        var elsewhere = requests.Where(url => new Uri(url).GetLeftPart(UriPartial.Authority) != fixture.BaseUrl.GetLeftPart(UriPartial.Authority)).ToList();
        Assert.True(elsewhere.Count == 0, "requests to other hosts:\n" + string.Join("\n", elsewhere));
        var cookies = await reporterContext.CookiesAsync();
        Assert.Equal("rs.af", Assert.Single(cookies).Name);

        // Accessibility of the public pages in both languages, checked in a JavaScript context for axe.
        await using (var axeContext = await fixture.NewContextAsync(javaScript: true))
        {
            var axePage = await axeContext.NewPageAsync();
            foreach (var url in new[] { $"/report/{channel}?lang=en", $"/report/{channel}?lang=zh-Hans", $"/report/{channel}/follow-up?lang=zh-Hans" })
            {
                await axePage.GotoAsync(url);
                problems.AddRange(await AxeChecks.SeriousViolationsAsync(axePage));
            }

            // The closed case as the reporter sees it, with the satisfaction question.
            await axePage.GotoAsync($"/report/{channel}/follow-up?lang=zh-Hans");
            await FollowUpAsync(axePage, receipt);
            await Assertions.Expect(axePage.GetByTestId("satisfaction")).ToBeVisibleAsync();
            problems.AddRange(await AxeChecks.SeriousViolationsAsync(axePage));
        }

        Assert.True(problems.Count == 0, "axe found serious or critical violations:\n" + string.Join("\n", problems));
    }

    /// <summary>axe on the case page as a handler sees it; the first visit of this context unlocks the case key.</summary>
    private static async Task<IEnumerable<string>> CaseAxeViolationsAsync(IPage page, string caseUrl, string referralDetails)
    {
        await page.GotoAsync(caseUrl);
        if (new Uri(page.Url).AbsolutePath == "/account/case-keys/unlock")
        {
            await page.GetByLabel("Your account password", new() { Exact = true }).FillAsync(BrowserFixture.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Unlock", Exact = true }).ClickAsync();
            await page.WaitForURLAsync($"**{caseUrl}");
        }

        await Assertions.Expect(page.GetByTestId("referral").GetByLabel("Details and outcome", new() { Exact = true })).ToHaveValueAsync(referralDetails);
        return await AxeChecks.SeriousViolationsAsync(page);
    }

    private static async Task FollowUpAsync(IPage reporter, string receipt)
    {
        await Assertions.Expect(reporter.Locator("h1")).ToHaveTextAsync("跟进举报");
        await reporter.GetByLabel("回执码", new() { Exact = true }).FillAsync(receipt);
        await reporter.GetByRole(AriaRole.Button, new() { Name = "打开", Exact = true }).ClickAsync();
        await reporter.WaitForLoadStateAsync();
    }

    /// <summary>A well-formed receipt that differs from <paramref name="receipt"/> in its last digit.</summary>
    private static string WrongReceipt(string receipt) =>
        receipt[..^1] + (char)('0' + ((receipt[^1] - '0' + 1) % 10));

    private static ILocator Fact(IPage page, string term) =>
        page.Locator("dl.facts dt").Filter(new() { HasTextRegex = ExactText(term) }).Locator("xpath=following-sibling::dd[1]");

    private static ILocator Answer(IPage page, string question) =>
        page.GetByTestId("report").Locator("dt").Filter(new() { HasTextRegex = ExactText(question) }).Locator("xpath=following-sibling::dd[1]");

    private static Regex ExactText(string text) => new("^\\s*" + Regex.Escape(text) + "\\s*$");

    private static Func<string, bool> CaseUrl() =>
        url => CasePath().IsMatch(new Uri(url).AbsolutePath);

    [GeneratedRegex("^/o/[^/]+/cases/[0-9a-f-]{36}$")]
    private static partial Regex CasePath();

    [GeneratedRegex("^Case \\d+$")]
    private static partial Regex CaseLabel();

    // Eight groups of four Crockford base32 characters (no I, L, O, U).
    [GeneratedRegex("^\\s*[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}\\s*$")]
    private static partial Regex RecoveryKeyFormat();

    [GeneratedRegex("^[0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4}$")]
    private static partial Regex ReceiptFormat();
}
