using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rightscope.Core.Accounts;
using Rightscope.Core.Remedy;
using Rightscope.Data;
using Rightscope.Features.Remedy;
using Rightscope.Hosting;
using Rightscope.Infrastructure;
using Rightscope.Infrastructure.Web;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Remedy;

public sealed class RemedyTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_report_in_Chinese_is_read_acknowledged_and_answered_and_the_reporter_reads_the_reply_with_the_receipt(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var setup = await RemedySteps.SetUpAsync(app);
        var reporter = app.CreateBrowserlikeClient();

        var (response, html, receipt) = await RemedySteps.SubmitAsync(reporter, setup.Channel, "我的账户被人盗用，照片被公开。", "zh-Hans",
            new Dictionary<string, string> { ["Answers[country]"] = "某国", ["Answers[when]"] = "2026-01-05" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("您的举报已收到", html, StringComparison.Ordinal);
        Assert.NotNull(receipt);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
            var stored = await db.Cases.IgnoreQueryFilters().SingleAsync(c => c.OrganizationId == setup.Organization.Id);
            Assert.Equal(CaseStatus.Received, stored.Status);
            Assert.Equal(1, stored.Number);
        }

        // Not unlocked yet: the case asks for the password.
        var ids = await RemedySteps.CaseIdsAsync(setup.HandlerClient, setup.Organization);
        var caseUrl = $"/o/{setup.Organization.Slug}/cases/{Assert.Single(ids)}";
        var locked = await setup.HandlerClient.GetAsync(caseUrl);
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.StartsWith("/account/case-keys/unlock", locked.Headers.Location!.OriginalString, StringComparison.Ordinal);

        await RemedySteps.UnlockAsync(setup.HandlerClient);
        var read = await setup.HandlerClient.GetAsync(caseUrl);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var page = WebUtility.HtmlDecode(await read.Content.ReadAsStringAsync());
        Assert.Contains("我的账户被人盗用，照片被公开。", page, StringComparison.Ordinal);
        Assert.Contains("某国", page, StringComparison.Ordinal);

        var acknowledged = await Forms.PostAsync(setup.HandlerClient, caseUrl, new Dictionary<string, string>(), caseUrl + "?handler=Acknowledge");
        Assert.Equal(HttpStatusCode.Redirect, acknowledged.StatusCode);
        var replied = await Forms.PostAsync(setup.HandlerClient, caseUrl, new Dictionary<string, string> { ["Message"] = "我们已收到，正在调查。" }, caseUrl + "?handler=Reply");
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);

        var followUp = await RemedySteps.FollowUpAsync(app.CreateBrowserlikeClient(), setup.Channel, receipt, "zh-Hans");
        Assert.Equal(HttpStatusCode.OK, followUp.StatusCode);
        var followUpHtml = WebUtility.HtmlDecode(await followUp.Content.ReadAsStringAsync());
        Assert.Contains("已确认收到", followUpHtml, StringComparison.Ordinal);
        Assert.Contains("我们已收到，正在调查。", followUpHtml, StringComparison.Ordinal);

        // The reporter answers; the handler reads it.
        var answer = await Forms.PostAsync(app.CreateBrowserlikeClient(), $"/report/{setup.Channel}/follow-up?lang=zh-Hans",
            new Dictionary<string, string> { ["Receipt"] = receipt.Replace(" ", "-", StringComparison.Ordinal), ["Message"] = "谢谢，我还有截图。" },
            $"/report/{setup.Channel}/follow-up?lang=zh-Hans&handler=Reply");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("谢谢，我还有截图。", WebUtility.HtmlDecode(await (await setup.HandlerClient.GetAsync(caseUrl)).Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var assessing = await Forms.PostAsync(setup.HandlerClient, caseUrl, new Dictionary<string, string> { ["Step"] = "StartAssessment" }, caseUrl + "?handler=Step");
        Assert.Equal(HttpStatusCode.Redirect, assessing.StatusCode);
        var closed = await Forms.PostAsync(setup.HandlerClient, caseUrl, new Dictionary<string, string> { ["NoRemedyReason"] = "不在本组织责任范围内" }, caseUrl + "?handler=Close");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
            var entries = await db.AuditEntries.IgnoreQueryFilters().Where(e => e.OrganizationId == setup.Organization.Id && e.TargetType == "case").ToListAsync();
            Assert.Equal(["case.acknowledged", "case.assessment-started", "case.closed", "case.read", "case.replied"], entries.Select(e => e.Action).Distinct().Order());
            Assert.True(entries.Count(e => e.Action == "case.read") >= 2);
            Assert.All(entries, e => Assert.Equal(setup.Handler.Id.ToString("N"), e.ActorId));
            var everything = string.Join("\n", await db.AuditEntries.IgnoreQueryFilters().Select(e => e.Summary).ToListAsync());
            Assert.DoesNotContain("盗用", everything, StringComparison.Ordinal);
            Assert.DoesNotContain("截图", everything, StringComparison.Ordinal);
            Assert.DoesNotContain(receipt, everything, StringComparison.Ordinal);
        }

        // The owner sees the count, not the content; the owner may not open cases.
        var channels = await (await setup.OwnerClient.GetAsync($"/o/{setup.Organization.Slug}/channels")).Content.ReadAsStringAsync();
        Assert.Contains($"data-testid=\"channel-{setup.Channel}\"", channels, StringComparison.Ordinal);
        Assert.DoesNotContain("盗用", WebUtility.HtmlDecode(channels), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await setup.OwnerClient.GetAsync(caseUrl)).StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Only_recipients_of_the_organization_find_a_case_and_a_viewer_is_refused(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var setup = await RemedySteps.SetUpAsync(app);
        var (_, _, receipt) = await RemedySteps.SubmitAsync(app.CreateBrowserlikeClient(), setup.Channel, "a report");
        Assert.NotNull(receipt);
        await RemedySteps.UnlockAsync(setup.HandlerClient);
        var caseUrl = $"/o/{setup.Organization.Slug}/cases/{Assert.Single(await RemedySteps.CaseIdsAsync(setup.HandlerClient, setup.Organization))}";
        Assert.Equal(HttpStatusCode.OK, (await setup.HandlerClient.GetAsync(caseUrl)).StatusCode);

        var otherHandler = await app.AddMemberAsync(setup.Organization, Role.CaseHandler);
        var notRecipient = await app.SignInAsync(otherHandler.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await notRecipient.GetAsync(caseUrl)).StatusCode);
        Assert.Empty(await RemedySteps.CaseIdsAsync(notRecipient, setup.Organization));

        var viewer = await app.SignInAsync((await app.AddMemberAsync(setup.Organization, Role.Viewer)).Email!);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync(caseUrl)).StatusCode);

        var (otherOrganization, _) = await app.CreateOrganizationAsync();
        var outsider = await app.SignInAsync((await app.AddMemberAsync(otherOrganization, Role.CaseHandler)).Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(caseUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(caseUrl.Replace(setup.Organization.Slug, otherOrganization.Slug, StringComparison.Ordinal))).StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Empty_required_answers_get_a_400_with_the_field_message_and_no_case(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var setup = await RemedySteps.SetUpAsync(app, "defender-incident");
        var client = app.CreateBrowserlikeClient();

        var response = await Forms.PostAsync(client, $"/report/{setup.Channel}", new Dictionary<string, string>
        {
            ["Answers[description]"] = "   ",
            ["Answers[perpetrator]"] = "state",
            ["Answers[violation]"] = "not-an-option",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"answer-description-error\">This answer is required.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"answer-violation-error\">Choose one of the options.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"receipt\"", html, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<RightscopeDbContext>().Cases.IgnoreQueryFilters().CountAsync());

        var valid = await Forms.PostAsync(client, $"/report/{setup.Channel}", new Dictionary<string, string>
        {
            ["Answers[description]"] = "My phone was infected with spyware after a meeting.",
            ["Answers[perpetrator]"] = "unknown",
            ["Answers[violation]"] = "spyware",
            ["Answers[sex]"] = "prefer-not-to-say",
            ["Answers[age]"] = "30-44",
            ["Answers[group]"] = "journalist",
        });
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Contains("data-testid=\"receipt\"", await valid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_unknown_channel_is_not_found(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var setup = await RemedySteps.SetUpAsync(app);
        var client = app.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/report/no-such-channel")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/report/no-such-channel/follow-up")).StatusCode);
        var token = Forms.AntiforgeryToken(await (await client.GetAsync($"/report/{setup.Channel}")).Content.ReadAsStringAsync());
        var posted = await Forms.PostWithTokenAsync(client, "/report/no-such-channel", token, new Dictionary<string, string> { ["Answers[what-happened]"] = "x" });
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_wrong_and_a_malformed_receipt_get_the_same_answer(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var setup = await RemedySteps.SetUpAsync(app);
        var (_, _, receipt) = await RemedySteps.SubmitAsync(app.CreateBrowserlikeClient(), setup.Channel, "a report");
        Assert.NotNull(receipt);
        var wrong = receipt[..^1] + (receipt[^1] == '0' ? '1' : '0');

        var answers = new List<(HttpStatusCode Status, string Html)>();
        foreach (var attempt in new[] { wrong, "1234", "not a receipt at all", "" })
        {
            var response = await RemedySteps.FollowUpAsync(app.CreateBrowserlikeClient(), setup.Channel, attempt);
            var html = System.Text.RegularExpressions.Regex.Replace(await response.Content.ReadAsStringAsync(), "name=\"__rs_af\" type=\"hidden\" value=\"[^\"]+\"", "TOKEN");
            answers.Add((response.StatusCode, html));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.BadRequest, a.Status));
        Assert.All(answers, a => Assert.Equal(answers[0].Html, a.Html));
        Assert.Contains("No report matches this receipt code.", answers[0].Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await RemedySteps.FollowUpAsync(app.CreateBrowserlikeClient(), setup.Channel, receipt)).StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_canary_submitted_through_the_channel_appears_nowhere_in_the_stored_data_or_the_logs(string provider)
    {
        await using var started = await RightscopeFactory.StartAsync(provider);
        var logs = new CapturingLoggerProvider();
        await using var app = started.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Logging:LogLevel:Default", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Trace");
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        });
        var setup = await RemedySteps.SetUpAsync(started);
        HttpClient Browser() => app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var canary = "canary-" + Guid.NewGuid().ToString("N");
        var chineseCanary = "金丝雀" + Guid.NewGuid().ToString("N")[..8];
        var handlerCanary = "handler-canary-" + Guid.NewGuid().ToString("N");
        var reporterCanary = "reporter-canary-" + Guid.NewGuid().ToString("N");
        var fileCanary = "file-canary-" + Guid.NewGuid().ToString("N");
        var fileNameCanary = "name-canary-" + Guid.NewGuid().ToString("N");
        // Over 64 KB, so the framework would have buffered it to a temporary file had it read the form.
        var file = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(fileCanary + "\n", 5_000)));
        var reporter = Browser();
        var (_, _, receipt) = await RemedyUploads.SubmitAsync(reporter, setup.Channel, $"{canary} {chineseCanary}", [new UploadFile(fileNameCanary + ".txt", file)], more: new Dictionary<string, string>
        {
            ["Answers[contact]"] = canary + "@example.org",
            ["Answers[product]"] = canary,
        });
        Assert.NotNull(receipt);
        var handler = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(handler, "/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = setup.Handler.Email!, ["Input.Password"] = TestData.Password })).StatusCode);
        await RemedySteps.UnlockAsync(handler);
        var caseUrl = $"/o/{setup.Organization.Slug}/cases/{Assert.Single(await RemedySteps.CaseIdsAsync(handler, setup.Organization))}";
        var casePage = await (await handler.GetAsync(caseUrl)).Content.ReadAsStringAsync();
        Assert.Contains(canary, casePage, StringComparison.Ordinal);
        var fileUrl = System.Text.RegularExpressions.Regex.Match(casePage, $"{caseUrl}/files/[0-9a-f-]{{36}}").Value;
        Assert.Equal(file, await handler.GetByteArrayAsync(fileUrl));
        var replied = await Forms.PostAsync(handler, caseUrl, new Dictionary<string, string> { ["Message"] = "reply " + handlerCanary }, caseUrl + "?handler=Reply");
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        var answered = await Forms.PostAsync(reporter, $"/report/{setup.Channel}/follow-up", new Dictionary<string, string> { ["Receipt"] = receipt, ["Message"] = "answer " + reporterCanary },
            $"/report/{setup.Channel}/follow-up?handler=Reply");
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains(handlerCanary, await answered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(reporterCanary, await (await handler.GetAsync(caseUrl)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var scope = started.Services.CreateAsyncScope())
        {
            var authors = await scope.ServiceProvider.GetRequiredService<RightscopeDbContext>().CaseMessages.IgnoreQueryFilters().Select(m => m.Author).ToListAsync();
            Assert.Equal([MessageAuthor.Reporter, MessageAuthor.Handler], authors.Order());
        }

        // The search itself works: the channel's name is plaintext by design and is found, and the logs saw the requests.
        Assert.NotEmpty(await RemedySteps.StoredOccurrencesAsync(started, setup.ChannelName));
        Assert.Contains(logs.Lines, line => line.Contains("/report/", StringComparison.Ordinal));
        foreach (var secret in new[] { canary, chineseCanary, handlerCanary, reporterCanary, fileCanary, fileNameCanary, receipt.Replace(" ", "", StringComparison.Ordinal) })
        {
            Assert.Empty(await RemedySteps.StoredOccurrencesAsync(started, secret));
            Assert.Empty(RemedySteps.TemporaryOccurrences(secret));
            Assert.DoesNotContain(logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(logs.Lines, line => line.Contains(receipt, StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_public_channel_keeps_no_address_or_browser_in_the_request_the_database_or_the_logs(string provider)
    {
        await using var started = await RightscopeFactory.StartAsync(provider);
        var logs = new CapturingLoggerProvider();
        await using var app = started.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Logging:LogLevel:Default", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Trace");
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        });
        var setup = await RemedySteps.SetUpAsync(started);
        const string address = "203.0.113.77";
        var agent = "Distinctive-Agent/" + Guid.NewGuid().ToString("N");

        var context = await app.Server.SendAsync(http =>
        {
            http.Request.Method = "GET";
            http.Request.Path = $"/report/{setup.Channel}";
            http.Connection.RemoteIpAddress = IPAddress.Parse(address);
            http.Request.Headers.UserAgent = agent;
            http.Request.Headers["X-Forwarded-For"] = address;
        });
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Null(context.Connection.RemoteIpAddress);
        Assert.False(context.Request.Headers.ContainsKey("User-Agent"));
        Assert.False(context.Request.Headers.ContainsKey("X-Forwarded-For"));

        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.UserAgent.ParseAdd(agent);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        var (response, _, receipt) = await RemedySteps.SubmitAsync(client, setup.Channel, "what happened");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RemedySteps.FollowUpAsync(client, setup.Channel, receipt!)).StatusCode);

        Assert.NotEmpty(logs.Lines);
        Assert.Contains(logs.Lines, line => line.Contains("/report/", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(address, StringComparison.Ordinal) || line.Contains(agent, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(receipt!, StringComparison.Ordinal) || line.Contains(receipt!.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal));
        Assert.Empty(await RemedySteps.StoredOccurrencesAsync(started, address));
        Assert.Empty(await RemedySteps.StoredOccurrencesAsync(started, agent));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Public_pages_set_only_the_antiforgery_cookie_are_not_cached_load_nothing_from_elsewhere_and_take_the_language_from_the_url(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var setup = await RemedySteps.SetUpAsync(app);
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var responses = new List<HttpResponseMessage>();
        foreach (var path in new[] { $"/report/{setup.Channel}", $"/report/{setup.Channel}/follow-up", $"/report/{setup.Channel}?lang=zh-Hans" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            // A culture cookie and browser languages are ignored: only ?lang= decides.
            request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dzh-Hans%7Cuic%3Dzh-Hans");
            request.Headers.AcceptLanguage.ParseAdd("zh-Hans");
            responses.Add(await client.SendAsync(request));
        }

        var browser = app.CreateBrowserlikeClient();
        var (submitted, _, _) = await RemedySteps.SubmitAsync(browser, setup.Channel, "what happened");
        responses.Add(submitted);
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
            Assert.All(cookies, cookie => Assert.StartsWith("rs.af=", cookie, StringComparison.Ordinal));
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
            Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
            Assert.Contains("data-testid=\"quick-exit\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("lang=\"en\"", await responses[0].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-Hans\"", await responses[2].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\"", await responses[0].Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Eight_concurrent_submissions_get_distinct_case_numbers_and_receipts_without_clashing(string provider)
    {
        await using var started = await RightscopeFactory.StartAsync(provider);
        var logs = new CapturingLoggerProvider();
        await using var app = started.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(logs)));
        var setup = await RemedySteps.SetUpAsync(started);
        var clients = Enumerable.Range(0, 8).Select(_ => app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true })).ToList();
        var tokens = new List<string>();
        foreach (var client in clients)
        {
            tokens.Add(Forms.AntiforgeryToken(await (await client.GetAsync($"/report/{setup.Channel}")).Content.ReadAsStringAsync()));
        }

        var results = await Task.WhenAll(clients.Select(async (client, i) =>
        {
            var response = await Forms.PostWithTokenAsync(client, $"/report/{setup.Channel}", tokens[i], new Dictionary<string, string> { ["Answers[what-happened]"] = $"report {i}" });
            var html = await response.Content.ReadAsStringAsync();
            var match = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"receipt\"><strong>([0-9 ]+)</strong>");
            return (response.StatusCode, Receipt: match.Success ? match.Groups[1].Value : null);
        }));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(8, results.Select(r => r.Receipt).Where(r => r is not null).Distinct().Count());
        await using var scope = app.Services.CreateAsyncScope();
        var numbers = await scope.ServiceProvider.GetRequiredService<RightscopeDbContext>().Cases.IgnoreQueryFilters()
            .Where(c => c.OrganizationId == setup.Organization.Id).Select(c => c.Number).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 8), numbers.Order());
        // Numbers are taken one at a time under a lock: no insert failed on the unique index and was retried (under
        // load such retries pile up into seconds of latency and, past the attempts, errors).
        Assert.DoesNotContain(logs.Lines, line => line.Contains("UNIQUE constraint failed", StringComparison.Ordinal) || line.Contains("23505", StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_password_change_rewraps_the_case_key_so_the_new_password_unlocks_it(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var setup = await RemedySteps.SetUpAsync(app);
        const string newPassword = "a brand new long passphrase";
        var changed = await Forms.PostAsync(setup.HandlerClient, "/account/security", new Dictionary<string, string>
        {
            ["ChangePassword.CurrentPassword"] = TestData.Password,
            ["ChangePassword.NewPassword"] = newPassword,
            ["ChangePassword.ConfirmPassword"] = newPassword,
        }, "/account/security?handler=ChangePassword");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var unlocked = await Forms.PostAsync(setup.HandlerClient, "/account/case-keys/unlock", new Dictionary<string, string> { ["Password"] = newPassword, ["ReturnUrl"] = "/orgs" });
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        var old = await Forms.PostAsync(setup.HandlerClient, "/account/case-keys/unlock", new Dictionary<string, string> { ["Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
    }

    [Fact]
    public void A_reduced_key_derivation_cost_is_refused_outside_testing_and_the_demo()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Remedy:KeyDerivation:MemoryKiB"] = "64",
            ["Remedy:KeyDerivation:Passes"] = "1",
            ["Remedy:KeyDerivation:Reduced"] = "true",
        }).Build();

        var error = Assert.Throws<StartupException>(() => RemedySettings.From(configuration, new Environment("Production"), new ServeOptions(false)));
        Assert.Contains("Remedy:KeyDerivation", error.Message, StringComparison.Ordinal);
        Assert.True(RemedySettings.From(configuration, new Environment("Production"), new ServeOptions(true)).Cost.IsReduced);
        Assert.True(RemedySettings.From(configuration, new Environment("Testing"), new ServeOptions(false)).Cost.IsReduced);
        var defaults = RemedySettings.From(new ConfigurationBuilder().Build(), new Environment("Production"), new ServeOptions(false));
        Assert.Equal(Rightscope.Core.Remedy.KeyDerivationCost.Default, defaults.Cost);
        Assert.Equal(Rightscope.Core.Remedy.KeyDerivationCost.ReceiptDefault, defaults.ReceiptCost);
        Assert.Equal(Math.Min(System.Environment.ProcessorCount, 4), defaults.MaxConcurrentDerivations);
    }

    [Fact]
    public void Receipts_have_their_own_cost_which_follows_a_reduced_handler_cost_unless_configured()
    {
        var reducedHandler = new Dictionary<string, string?>
        {
            ["Remedy:KeyDerivation:MemoryKiB"] = "64",
            ["Remedy:KeyDerivation:Passes"] = "1",
            ["Remedy:KeyDerivation:Reduced"] = "true",
        };
        var testing = RemedySettings.From(
            new ConfigurationBuilder().AddInMemoryCollection(reducedHandler).Build(), new Environment("Testing"), new ServeOptions(false));
        Assert.Equal(testing.Cost, testing.ReceiptCost);

        var heavier = RemedySettings.From(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Remedy:ReceiptKeyDerivation:MemoryKiB"] = "131072",
                ["Remedy:ReceiptKeyDerivation:Passes"] = "4",
            }).Build(),
            new Environment("Production"),
            new ServeOptions(false));
        Assert.Equal("argon2id;m=131072;t=4;p=1", heavier.ReceiptCost.ToDescriptor());
        Assert.Equal(Rightscope.Core.Remedy.KeyDerivationCost.Default, heavier.Cost);

        var tooLight = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Remedy:ReceiptKeyDerivation:MemoryKiB"] = "1024",
            ["Remedy:ReceiptKeyDerivation:Passes"] = "1",
        }).Build();
        var error = Assert.Throws<StartupException>(() => RemedySettings.From(tooLight, new Environment("Production"), new ServeOptions(false)));
        Assert.Contains("Remedy:ReceiptKeyDerivation", error.Message, StringComparison.Ordinal);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "rightscope";

        public string ContentRootPath { get; set; } = "/";

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
