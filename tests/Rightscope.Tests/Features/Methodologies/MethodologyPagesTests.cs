using System.Net;
using Rightscope.Core.Accounts;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Methodologies;

public sealed class MethodologyPagesTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Members_browse_the_shipped_methodologies_in_both_languages(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (organization, _) = await app.CreateOrganizationAsync();
        var viewer = await app.AddMemberAsync(organization, Role.Viewer);
        var client = await app.SignInAsync(viewer.Email!);

        var list = await client.GetAsync($"/o/{organization.Slug}/methodologies");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var html = await list.Content.ReadAsStringAsync();
        foreach (var key in new[] { "surveillance-investor", "ungp-hria", "digital-rights-benchmark" })
        {
            Assert.Contains($"/o/{organization.Slug}/methodologies/{key}/1.0.0", html, StringComparison.Ordinal);
        }

        var detail = await client.GetAsync($"/o/{organization.Slug}/methodologies/surveillance-investor/1.0.0");
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        Assert.Contains("product-lifecycle", await detail.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var chinese = new HttpRequestMessage(HttpMethod.Get, $"/o/{organization.Slug}/methodologies/surveillance-investor/1.0.0");
        chinese.Headers.TryAddWithoutValidation("Accept-Language", "zh-CN");
        var chineseHtml = await (await client.SendAsync(chinese)).Content.ReadAsStringAsync();
        Assert.Contains("产品生命周期", chineseHtml, StringComparison.Ordinal);
        Assert.Contains("回答选项", chineseHtml, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/o/{organization.Slug}/methodologies/surveillance-investor/9.9.9")).StatusCode);
    }
}
