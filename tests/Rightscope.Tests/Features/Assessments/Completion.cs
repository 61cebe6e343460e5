using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Assessments;

/// <summary>
/// Answers every question an assessment still leaves open with "not applicable" (which leaves every score as it
/// is), so tests about the workflow can submit — submitting needs a complete assessment.
/// </summary>
internal static partial class Completion
{
    private const string NotApplicable = "not-applicable";

    /// <summary>Through the section pages, as an analyst would: each section is posted whole, keeping what is answered.</summary>
    public static async Task CompleteAsync(HttpClient client, string overviewUrl)
    {
        var overview = await (await client.GetAsync(overviewUrl)).Content.ReadAsStringAsync();
        var sections = SectionLink().Matches(overview).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(sections);
        foreach (var section in sections)
        {
            var url = $"{overviewUrl}/sections/{section}";
            var html = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
            var fields = new Dictionary<string, string>
            {
                ["version"] = Version().Match(html).Groups[1].Value,
            };
            foreach (var group in Radio().Matches(html).Select(m => m.Value).GroupBy(tag => Attribute(tag, "name")))
            {
                var values = group.Select(tag => Attribute(tag, "value")).Where(v => v.Length > 0).ToList();
                var chosen = group.FirstOrDefault(tag => tag.Contains("checked=\"checked\"", StringComparison.Ordinal)) is { } tag
                    ? Attribute(tag, "value")
                    : "";
                fields[group.Key] = chosen.Length > 0 ? chosen : values.Contains(NotApplicable) ? NotApplicable : values[0];
            }

            foreach (Match note in Note().Matches(html))
            {
                fields[note.Groups[1].Value] = WebUtility.HtmlDecode(note.Groups[2].Value);
            }

            var saved = await Forms.PostWithTokenAsync(client, url, Forms.AntiforgeryToken(html), fields);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
    }

    /// <summary>Through the API: the still-open company-level items of the assessment at <paramref name="assessmentUrl"/>.</summary>
    public static async Task CompleteViaApiAsync(HttpClient api, string assessmentUrl, IEnumerable<string> items)
    {
        using var detail = JsonDocument.Parse(await (await api.GetAsync(assessmentUrl)).Content.ReadAsStringAsync());
        var answered = detail.RootElement.GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("itemKey").GetString()).ToHashSet();
        var open = items.Where(item => !answered.Contains(item)).Select(item => new { itemKey = item, component = "company", option = NotApplicable }).ToArray();
        var response = await api.PutAsJsonAsync($"{assessmentUrl}/answers", new { version = detail.RootElement.GetProperty("version").GetGuid(), answers = open });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string Attribute(string tag, string name) =>
        Regex.Match(tag, $"{name}=\"([^\"]*)\"").Groups[1].Value;

    [GeneratedRegex("/sections/([a-z0-9-]+)\"")]
    private static partial Regex SectionLink();

    [GeneratedRegex("name=\"version\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex Version();

    [GeneratedRegex("<input type=\"radio\"[^>]*name=\"answer:[^\"]+\"[^>]*>")]
    private static partial Regex Radio();

    [GeneratedRegex("<textarea[^>]*name=\"(note:[^\"]+)\"[^>]*>([^<]*)</textarea>")]
    private static partial Regex Note();
}
