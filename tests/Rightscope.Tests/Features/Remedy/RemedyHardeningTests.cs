using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Rightscope.Data;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Remedy;

/// <summary>Regression tests for the security review of the first Remedy slice (H1–H3, M1, M2, M4).</summary>
public sealed class RemedyHardeningTests
{
    private static WebApplicationFactory<Program> WithChannelLimit(RightscopeFactory started, int perMinute) =>
        started.WithWebHostBuilder(builder => builder.UseSetting("Remedy:RateLimit:PostsPerChannelPerMinute", perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static HttpClient Browser(WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task H1_a_flood_of_posts_without_a_form_token_does_not_stop_a_genuine_report(string provider)
    {
        await using var started = await RightscopeFactory.StartAsync(provider);
        await using var app = WithChannelLimit(started, 5);
        var setup = await RemedySteps.SetUpAsync(started);
        var attacker = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        foreach (var path in new[] { $"/report/{setup.Channel}", $"/report/{setup.Channel}/follow-up" })
        {
            var flood = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => attacker.PostAsync(path, new FormUrlEncodedContent([new("Answers[what-happened]", "junk"), new("Receipt", "1")]))));
            Assert.All(flood, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        }

        var (response, _, receipt) = await RemedySteps.SubmitAsync(Browser(app), setup.Channel, "a genuine report");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(receipt);
        Assert.Equal(HttpStatusCode.OK, (await RemedySteps.FollowUpAsync(Browser(app), setup.Channel, receipt)).StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task H1_a_refused_report_shows_the_form_again_with_what_was_typed_and_a_localized_notice(string provider)
    {
        await using var started = await RightscopeFactory.StartAsync(provider);
        await using var app = WithChannelLimit(started, 1);
        var setup = await RemedySteps.SetUpAsync(started);
        var (first, _, receipt) = await RemedySteps.SubmitAsync(Browser(app), setup.Channel, "the first report");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(receipt);

        var typed = "typed-" + Guid.NewGuid().ToString("N");
        var (refused, html, none) = await RemedySteps.SubmitAsync(Browser(app), setup.Channel, typed, more: new Dictionary<string, string> { ["Answers[country]"] = "Atlantis" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Null(none);
        Assert.Contains("data-testid=\"busy\"", html, StringComparison.Ordinal);
        Assert.Contains("Please try again in a minute", html, StringComparison.Ordinal);
        Assert.Contains(typed, html, StringComparison.Ordinal);
        Assert.Contains("Atlantis", html, StringComparison.Ordinal);
        Assert.Contains("name=\"__rs_af\"", html, StringComparison.Ordinal);

        var (chinese, chineseHtml, _) = await RemedySteps.SubmitAsync(Browser(app), setup.Channel, "我的文字" + typed, "zh-Hans");
        Assert.Equal(HttpStatusCode.TooManyRequests, chinese.StatusCode);
        Assert.Contains("请一分钟后再试", WebUtility.HtmlDecode(chineseHtml), StringComparison.Ordinal);
        Assert.Contains("我的文字" + typed, WebUtility.HtmlDecode(chineseHtml), StringComparison.Ordinal);

        // Follow-ups have their own budget: the reporter of the first case still gets in, once; a refused reply keeps its text.
        Assert.Equal(HttpStatusCode.OK, (await RemedySteps.FollowUpAsync(Browser(app), setup.Channel, receipt)).StatusCode);
        var reply = "reply-" + Guid.NewGuid().ToString("N");
        var replied = await Forms.PostAsync(Browser(app), $"/report/{setup.Channel}/follow-up", new Dictionary<string, string> { ["Receipt"] = receipt, ["Message"] = reply },
            $"/report/{setup.Channel}/follow-up?lang=en&handler=Reply");
        Assert.Equal(HttpStatusCode.TooManyRequests, replied.StatusCode);
        var replyHtml = await replied.Content.ReadAsStringAsync();
        Assert.Contains(reply, replyHtml, StringComparison.Ordinal);
        Assert.Contains("handler=Reply", replyHtml, StringComparison.Ordinal);

        await using var scope = started.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<RightscopeDbContext>().Cases.IgnoreQueryFilters().CountAsync());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task H2_a_channel_whose_handler_left_takes_no_report_and_gives_no_receipt(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var setup = await RemedySteps.SetUpAsync(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
            Assert.Equal(1, await db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == setup.Handler.Id).ExecuteDeleteAsync());
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await app.CreateBrowserlikeClient().GetAsync($"/report/{setup.Channel}?lang=zh-Hans")).StatusCode);
        var reporter = app.CreateBrowserlikeClient();
        var token = Forms.AntiforgeryToken(await (await reporter.GetAsync($"/report/{setup.Channel}/follow-up")).Content.ReadAsStringAsync());
        var response = await Forms.PostWithTokenAsync(reporter, $"/report/{setup.Channel}", token, new Dictionary<string, string> { ["Answers[what-happened]"] = "nobody can read this" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("This channel cannot receive reports right now", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"receipt\"", html, StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
            Assert.Equal(0, await db.Cases.IgnoreQueryFilters().CountAsync());
        }

        var channels = await (await setup.OwnerClient.GetAsync($"/o/{setup.Organization.Slug}/channels")).Content.ReadAsStringAsync();
        Assert.Contains($"data-testid=\"not-accepting-{setup.Channel}\"", channels, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task H2_a_recipient_demoted_from_case_handler_is_not_sealed_new_cases(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var setup = await RemedySteps.SetUpAsync(app);
        var second = await app.AddMemberAsync(setup.Organization, Rightscope.Core.Accounts.Role.CaseHandler);
        var secondClient = await app.SignInAsync(second.Email!);
        Assert.Equal(HttpStatusCode.OK, (await Forms.PostAsync(secondClient, "/account/case-keys", new Dictionary<string, string> { ["Password"] = TestData.Password })).StatusCode);
        var slug = TestData.UniqueSlug("ch");
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(setup.OwnerClient, $"/o/{setup.Organization.Slug}/channels", new Dictionary<string, string>
        {
            ["Input.Slug"] = slug,
            ["Input.NameEn"] = "Two",
            ["Input.NameZh"] = "二",
            ["Input.Questionnaire"] = "general",
            ["Input.RetentionDays"] = "365",
            ["Input.Recipients"] = setup.Handler.Id.ToString(),
        })).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
            var channel = await db.Channels.IgnoreQueryFilters().SingleAsync(c => c.Slug == slug);
            db.ChannelRecipients.Add(new Rightscope.Features.Remedy.ChannelRecipient { OrganizationId = channel.OrganizationId, ChannelId = channel.Id, UserId = second.Id });
            await db.SaveChangesAsync();
            await db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == second.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, Rightscope.Core.Accounts.Role.Viewer));
        }

        var (_, _, receipt) = await RemedySteps.SubmitAsync(app.CreateBrowserlikeClient(), slug, "for the handler only");
        Assert.NotNull(receipt);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
            var sealedTo = await db.CaseRecipientEnvelopes.IgnoreQueryFilters().Select(e => e.UserId).ToListAsync();
            Assert.Equal([setup.Handler.Id], sealedTo);
        }
    }

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> app, string email)
    {
        var client = Browser(app);
        var response = await Forms.PostAsync(client, "/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static List<string> SessionCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Where(c => c.StartsWith("rs.session", StringComparison.Ordinal)).ToList() : [];

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task H3_after_sign_out_a_copied_session_cookie_no_longer_opens_the_case(string provider)
    {
        await using var started = await RightscopeFactory.StartAsync(provider);
        // Every request checks the security stamp here, so the test need not wait for the one-minute interval.
        await using var app = started.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero)));
        var setup = await RemedySteps.SetUpAsync(started);
        var canary = "secret-" + Guid.NewGuid().ToString("N");
        Assert.NotNull((await RemedySteps.SubmitAsync(Browser(app), setup.Channel, canary)).Receipt);
        var handler = await SignInAsync(app, setup.Handler.Email!);
        await RemedySteps.UnlockAsync(handler);
        var caseUrl = $"/o/{setup.Organization.Slug}/cases/{Assert.Single(await RemedySteps.CaseIdsAsync(handler, setup.Organization))}";
        var read = await handler.GetAsync(caseUrl);
        Assert.Contains(canary, await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var copied = string.Join("; ", SessionCookies(read).Select(c => c.Split(';')[0]));
        Assert.NotEmpty(copied);

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(handler, "/account/security", new Dictionary<string, string>(), "/account/sign-out")).StatusCode);

        var thief = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var replay = new HttpRequestMessage(HttpMethod.Get, caseUrl);
        replay.Headers.Add("Cookie", copied);
        var stolen = await thief.SendAsync(replay);
        Assert.Equal(HttpStatusCode.Redirect, stolen.StatusCode);
        Assert.Contains("/account/sign-in", stolen.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain(canary, await stolen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task H3_after_fifteen_idle_minutes_the_key_leaves_the_cookie_and_the_case_asks_for_the_password(string provider)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var started = await RightscopeFactory.StartAsync(provider);
        await using var app = started.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
        }));
        var setup = await RemedySteps.SetUpAsync(started);
        Assert.NotNull((await RemedySteps.SubmitAsync(Browser(app), setup.Channel, "a report")).Receipt);
        var handler = await SignInAsync(app, setup.Handler.Email!);
        await RemedySteps.UnlockAsync(handler);
        var caseUrl = $"/o/{setup.Organization.Slug}/cases/{Assert.Single(await RemedySteps.CaseIdsAsync(handler, setup.Organization))}";
        Assert.Equal(HttpStatusCode.OK, (await handler.GetAsync(caseUrl)).StatusCode);

        // Pages that do not read case content do not keep the key alive.
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.OK, (await handler.GetAsync($"/o/{setup.Organization.Slug}/cases")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(6));
        var lapsed = await handler.GetAsync(caseUrl);
        Assert.Equal(HttpStatusCode.Redirect, lapsed.StatusCode);
        Assert.StartsWith("/account/case-keys/unlock", lapsed.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var renewed = SessionCookies(lapsed);
        Assert.NotEmpty(renewed);
        var value = renewed.Single().Split(';')[0]["rs.session=".Length..];
        var ticket = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme).TicketDataFormat.Unprotect(value);
        Assert.NotNull(ticket);
        Assert.True(ticket.Principal.Identity!.IsAuthenticated);
        Assert.DoesNotContain(ticket.Principal.Claims, c => c.Type is Rightscope.Features.Remedy.HandlerSession.KeyClaim or Rightscope.Features.Remedy.HandlerSession.UsedClaim);

        // The password opens it again.
        await RemedySteps.UnlockAsync(handler);
        Assert.Equal(HttpStatusCode.OK, (await handler.GetAsync(caseUrl)).StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task M1_oversized_and_foreign_posts_get_a_4xx_and_store_nothing(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var setup = await RemedySteps.SetUpAsync(app);
        var junk = new Dictionary<string, string>();
        for (var i = 0; i < 500; i++)
        {
            junk[$"Answers[junk{i}]"] = new string('y', 50_000);
        }

        var (many, _, receipt) = await RemedySteps.SubmitAsync(app.CreateBrowserlikeClient(), setup.Channel, "ok", more: junk);
        Assert.InRange((int)many.StatusCode, 400, 499);
        Assert.Null(receipt);
        var (huge, _, hugeReceipt) = await RemedySteps.SubmitAsync(app.CreateBrowserlikeClient(), setup.Channel, new string('x', 20_000_000));
        Assert.InRange((int)huge.StatusCode, 400, 499);
        Assert.Null(hugeReceipt);

        var client = app.CreateBrowserlikeClient();
        var token = Forms.AntiforgeryToken(await (await client.GetAsync($"/report/{setup.Channel}")).Content.ReadAsStringAsync());
        // Multipart (the form's own encoding, for files) without a token before everything else is refused.
        using var tokenLast = new MultipartFormDataContent { { new StringContent("via multipart"), "Answers[what-happened]" }, { new StringContent(token), "__rs_af" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"/report/{setup.Channel}", tokenLast)).StatusCode);
        using var json = new StringContent("{\"what-happened\":\"x\"}", System.Text.Encoding.UTF8, "application/json");
        Assert.InRange((int)(await client.PostAsync($"/report/{setup.Channel}/follow-up", json)).StatusCode, 400, 499);

        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<RightscopeDbContext>().Cases.IgnoreQueryFilters().CountAsync());

        // Unknown keys next to real answers are dropped, not refused.
        var (ok, _, okReceipt) = await RemedySteps.SubmitAsync(app.CreateBrowserlikeClient(), setup.Channel, "fine", more: new Dictionary<string, string> { ["Answers[not-a-question]"] = "z" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.NotNull(okReceipt);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task M4_a_staff_session_cookie_sent_to_the_channel_is_not_read_or_renewed(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var setup = await RemedySteps.SetUpAsync(app);
        var staff = Browser(app);
        var session = await Forms.PostAsync(staff, "/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = setup.Owner.Email!, ["Input.Password"] = TestData.Password });
        var cookie = string.Join("; ", SessionCookies(session).Select(c => c.Split(';')[0]));
        Assert.NotEmpty(cookie);

        var context = await app.Server.SendAsync(http =>
        {
            http.Request.Method = "GET";
            http.Request.Path = $"/report/{setup.Channel}";
            http.Request.Headers.Cookie = cookie + "; tracker=abc";
            http.Request.Headers.AcceptLanguage = "zh-Hans";
            http.Request.Headers["CF-IPCountry"] = "XX";
            http.Request.Headers["X-Original-For"] = "203.0.113.9";
        });
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.False(context.User.Identity?.IsAuthenticated ?? false);
        Assert.All(context.Response.Headers.SetCookie, c => Assert.StartsWith("rs.af=", c, StringComparison.Ordinal));
        foreach (var header in new[] { "Cookie", "Accept-Language", "CF-IPCountry", "X-Original-For" })
        {
            Assert.False(context.Request.Headers.ContainsKey(header), header);
        }
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task M2_after_an_admin_password_reset_the_cli_warns_and_a_password_change_explains_instead_of_failing(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var setup = await RemedySteps.SetUpAsync(app);
        const string resetPassword = "a password the admin chose";
        var reset = await Rightscope.Tests.Cli.Cli.RunAsync(app.Database, resetPassword + "\n", "admin", "reset-password", "--email", setup.Handler.Email!, "--password-stdin");
        Assert.Equal(0, reset.ExitCode);
        Assert.Contains("must unlock with their recovery key", reset.Out, StringComparison.Ordinal);

        var handler = app.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(handler, "/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = setup.Handler.Email!, ["Input.Password"] = resetPassword })).StatusCode);
        var changed = await Forms.PostAsync(handler, "/account/security", new Dictionary<string, string>
        {
            ["ChangePassword.CurrentPassword"] = resetPassword,
            ["ChangePassword.NewPassword"] = "yet another long passphrase",
            ["ChangePassword.ConfirmPassword"] = "yet another long passphrase",
        }, "/account/security?handler=ChangePassword");
        Assert.Equal(HttpStatusCode.BadRequest, changed.StatusCode);
        Assert.Contains("Unlock your case key with your recovery key first", WebUtility.HtmlDecode(await changed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task After_an_admin_password_reset_the_recovery_key_restores_the_case_key_and_is_replaced(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var setup = await RemedySteps.SetUpAsync(app);
        const string resetPassword = "a password the admin chose";
        Assert.Equal(0, (await Rightscope.Tests.Cli.Cli.RunAsync(app.Database, resetPassword + "\n", "admin", "reset-password", "--email", setup.Handler.Email!, "--password-stdin")).ExitCode);
        var handler = app.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(handler, "/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = setup.Handler.Email!, ["Input.Password"] = resetPassword })).StatusCode);
        var unlock = new Dictionary<string, string> { ["Password"] = resetPassword };
        Assert.Equal(HttpStatusCode.BadRequest, (await Forms.PostAsync(handler, "/account/case-keys/unlock", unlock)).StatusCode);

        // A wrong recovery key changes nothing.
        var wrong = await Forms.PostAsync(handler, "/account/case-keys/recover", new Dictionary<string, string>
        {
            ["RecoveryKey"] = "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA",
            ["Password"] = resetPassword,
        });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("This recovery key does not open your case key.", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await Forms.PostAsync(handler, "/account/case-keys/unlock", unlock)).StatusCode);

        var recovered = await Forms.PostAsync(handler, "/account/case-keys/recover", new Dictionary<string, string>
        {
            ["RecoveryKey"] = setup.RecoveryKey.ToLowerInvariant(),
            ["Password"] = resetPassword,
        });
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        var newKey = RemedySteps.RecoveryKeyPattern().Match(await recovered.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEmpty(newKey);
        Assert.NotEqual(setup.RecoveryKey, newKey);

        // The current password unlocks again; the old recovery key no longer works, the new one does.
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(handler, "/account/case-keys/unlock", unlock)).StatusCode);
        var reused = await Forms.PostAsync(handler, "/account/case-keys/recover", new Dictionary<string, string> { ["RecoveryKey"] = setup.RecoveryKey, ["Password"] = resetPassword });
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        var again = await Forms.PostAsync(handler, "/account/case-keys/recover", new Dictionary<string, string> { ["RecoveryKey"] = newKey, ["Password"] = resetPassword });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }
}
