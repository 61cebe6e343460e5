using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
}
