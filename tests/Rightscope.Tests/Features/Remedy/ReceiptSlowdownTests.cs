using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Rightscope.Features.Remedy;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Remedy;

/// <summary>The slowdown after wrong receipts on the follow-up page: per form token, per channel, in memory, expiring.</summary>
public sealed class ReceiptSlowdownTests
{
    private const int ChannelBudget = 8;

    private static HttpClient Browser(WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A browser that loaded the follow-up page once, with the form token it holds.</summary>
    private static async Task<(HttpClient Client, string Token)> FormAsync(WebApplicationFactory<Program> app, string channel)
    {
        var client = Browser(app);
        var page = await client.GetAsync($"/report/{channel}/follow-up?lang=en");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return (client, Forms.AntiforgeryToken(await page.Content.ReadAsStringAsync()));
    }

    private static Task<HttpResponseMessage> TryAsync((HttpClient Client, string Token) form, string channel, string receipt, string lang = "en") =>
        Forms.PostWithTokenAsync(form.Client, $"/report/{channel}/follow-up?lang={lang}", form.Token, new Dictionary<string, string> { ["Receipt"] = receipt });

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Wrong_receipts_slow_the_form_then_the_channel_and_the_windows_expire(string provider)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var started = await RightscopeFactory.StartAsync(provider);
        await using var app = started.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Remedy:RateLimit:FailedReceiptsPerChannel", ChannelBudget.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(clock);
            });
        });
        var setup = await RemedySteps.SetUpAsync(started);
        var (_, _, receipt) = await RemedySteps.SubmitAsync(Browser(app), setup.Channel, "a report");
        Assert.NotNull(receipt);
        var wrong = receipt[..^1] + (receipt[^1] == '0' ? '1' : '0');

        // Five failures of one form (a malformed receipt counts like a wrong one): each answered like any wrong receipt.
        var form = await FormAsync(app, setup.Channel);
        foreach (var attempt in new[] { wrong, "12", wrong, wrong, wrong })
        {
            var failed = await TryAsync(form, setup.Channel, attempt);
            Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
            Assert.Contains("No report matches this receipt code", await CaseWorkflowSteps.HtmlAsync(failed), StringComparison.Ordinal);
        }

        // The sixth is refused before any derivation — the right receipt too, so the refusal says nothing about it.
        foreach (var attempt in new[] { wrong, receipt })
        {
            var refused = await TryAsync(form, setup.Channel, attempt);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal(TimeSpan.FromMinutes(15), refused.Headers.RetryAfter?.Delta);
            var html = await CaseWorkflowSteps.HtmlAsync(refused);
            Assert.Contains("data-testid=\"too-many-attempts\"", html, StringComparison.Ordinal);
            Assert.Contains("please wait 15 minute(s)", html, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"case-status\"", html, StringComparison.Ordinal);
        }

        var chinese = await TryAsync(form, setup.Channel, wrong, "zh-Hans");
        Assert.Equal(HttpStatusCode.TooManyRequests, chinese.StatusCode);
        Assert.Contains("请等待 15 分钟后再试", await CaseWorkflowSteps.HtmlAsync(chinese), StringComparison.Ordinal);

        // Another form is not held back by the first one's failures while the channel's budget lasts.
        var other = await FormAsync(app, setup.Channel);
        var opened = await TryAsync(other, setup.Channel, receipt);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("data-testid=\"case-status\"", await opened.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Rotating forms does not help for long: once the channel's budget is spent, every form of the channel waits.
        clock.Advance(TimeSpan.FromMinutes(5));
        for (var failures = 5; failures < ChannelBudget; failures++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await TryAsync(await FormAsync(app, setup.Channel), setup.Channel, wrong)).StatusCode);
        }

        var fresh = await FormAsync(app, setup.Channel);
        var channelRefused = await TryAsync(fresh, setup.Channel, receipt);
        Assert.Equal(HttpStatusCode.TooManyRequests, channelRefused.StatusCode);
        Assert.Contains("please wait 10 minute(s)", await CaseWorkflowSteps.HtmlAsync(channelRefused), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await TryAsync(other, setup.Channel, receipt)).StatusCode);

        // Nothing is kept past its window: the memory empties and the reporter gets in again.
        var attempts = app.Services.GetRequiredService<ReceiptAttempts>();
        Assert.True(attempts.Tracked > 0);
        clock.Advance(ReceiptAttempts.Window);
        Assert.Equal(0, attempts.Tracked);
        Assert.Equal(HttpStatusCode.OK, (await TryAsync(fresh, setup.Channel, receipt)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TryAsync(form, setup.Channel, receipt)).StatusCode);
    }
}
