using System.Net;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Shared;

public sealed class WebBasicsTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Health_is_ok_when_the_database_is_reachable(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var response = await app.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Pages_carry_a_strict_content_security_policy_and_security_headers(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var response = await app.CreateClient().GetAsync("/account/sign-in");

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));

        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Unknown_routes_give_a_localized_404_page(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var client = app.CreateClient();

        var english = await client.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, english.StatusCode);
        Assert.Contains("Page not found", await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/no/such/page");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");
        var chinese = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, chinese.StatusCode);
        var html = await chinese.Content.ReadAsStringAsync();
        Assert.Contains("找不到页面", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"zh-Hans\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("zh-Hans-CN")]
    [InlineData("zh-SG, en;q=0.5")]
    public async Task Browsers_asking_for_simplified_chinese_get_chinese_pages(string acceptLanguage)
    {
        await using var app = await RightscopeFactory.StartAsync(ProviderData.Sqlite);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in");
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        var html = await (await app.CreateClient().SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("<h1>登录</h1>", html, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_language_switcher_sets_a_cookie_and_never_redirects_off_site(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var client = app.CreateBrowserlikeClient();

        var switched = await Forms.PostAsync(client, "/account/sign-in", new Dictionary<string, string>
        {
            ["culture"] = "zh-Hans",
            ["returnUrl"] = "/account/sign-in",
        }, postUrl: "/culture");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/account/sign-in", switched.Headers.Location?.OriginalString);
        var page = await (await client.GetAsync("/account/sign-in")).Content.ReadAsStringAsync();
        Assert.Contains("<h1>登录</h1>", page, StringComparison.Ordinal);

        var offSite = await Forms.PostAsync(client, "/account/sign-in", new Dictionary<string, string>
        {
            ["culture"] = "en",
            ["returnUrl"] = "https://evil.example/phish",
        }, postUrl: "/culture");
        Assert.Equal("/", offSite.Headers.Location?.OriginalString);

        var unsupported = await Forms.PostAsync(client, "/account/sign-in", new Dictionary<string, string> { ["culture"] = "xx" }, postUrl: "/culture");
        Assert.Equal(HttpStatusCode.BadRequest, unsupported.StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_form_post_without_an_antiforgery_token_is_rejected(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (_, owner) = await app.CreateOrganizationAsync();
        var client = app.CreateBrowserlikeClient();

        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = owner.Email!,
            ["Input.Password"] = TestData.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("rs.session", StringComparison.Ordinal)));
    }
}
