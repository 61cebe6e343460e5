using System.Net;
using System.Text.RegularExpressions;

namespace Rightscope.Tests.Infrastructure;

/// <summary>Submits server-rendered forms the way a browser without JavaScript does.</summary>
public static partial class Forms
{
    [GeneratedRegex("name=\"__rs_af\" type=\"hidden\" value=\"([^\"]+)\"|type=\"hidden\" name=\"__rs_af\" value=\"([^\"]+)\"|name=\"__rs_af\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    public static string AntiforgeryToken(string html)
    {
        var match = AntiforgeryField().Match(html);
        Assert.True(match.Success, "the page has no anti-forgery field");
        return WebUtility.HtmlDecode(match.Groups.Cast<Group>().Skip(1).First(g => g.Success).Value);
    }

    /// <summary>GETs <paramref name="pageUrl"/> for its token, then POSTs the fields to <paramref name="postUrl"/> (default: the same page).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, IDictionary<string, string> fields, string? postUrl = null)
    {
        var page = await client.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.IsSuccessStatusCode, $"GET {pageUrl} returned {(int)page.StatusCode}");
        return await PostWithTokenAsync(client, postUrl ?? pageUrl, AntiforgeryToken(html), fields);
    }

    public static Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string url, string token, IDictionary<string, string> fields)
    {
        var content = new FormUrlEncodedContent(fields.Append(new KeyValuePair<string, string>("__rs_af", token)));
        return client.PostAsync(url, content);
    }
}
