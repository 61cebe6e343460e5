using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;
using Rightscope.Tests.Features.Remedy;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Indicators.IndicatorSteps;

namespace Rightscope.Tests.Security.Fuzz;

/// <summary>
/// Fuzzes the forms anyone can post to — the public report channel and its follow-up with a receipt — with
/// generated bodies under a valid anti-forgery token: missing, duplicated and unknown fields, overlong values, control
/// characters, percent-encodings that are not UTF-8, wrong types, huge and malformed receipts, and file names that try to
/// leave their folder. Never a 5xx; a case is stored exactly when a receipt is shown; a file keeps only its own name.
/// </summary>
public sealed partial class PublicFormFuzzTests
{
    private const int Bodies = 30;

    private static readonly string[] ReportKeys =
    [
        "Answers%5Bwhat-happened%5D", "Answers%5Bwhat-happened%5D", "Answers%5Bcountry%5D", "Answers%5Bwhen%5D", "Answers%5Bno-such-question%5D",
        "Answers", "Answers%5B%5D", "Answers%5Bwhat-happened%5D%5B0%5D", "MetadataChoice", "RemoveMetadata", "Contact", "%FF%FE", "%00", "",
        "__rs_af", "lang",
    ];

    private static readonly string[] Values =
    [
        "", "A+short+report+of+what+happened", "%FF%FE%FD", "%C3%28", "%ED%A0%80", "%00", "%01%1B%7F", "%", "%G1", "%%25", "+", "true", "-1",
        "99999999999999999999", "2024-13-45", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%E2%80%AE", "%F0%9F%92%A5", new string('x', 100_000),
        "Wages+withheld+for+six+weeks%0D%0Ain+hall+3",
    ];

    private static readonly string[] Receipts =
    [
        "", " ", "0", "1234", "0000 0000 0000 0000", "9999-9999-9999-9999-9999", new string('9', 100_000), "abcd efgh ijkl mnop", "%FF%FE",
        "%00%00%00", "%D9%A1%D9%A2%D9%A3", "1234+5678+9012+3456+7890+1234", "%27+OR+1%3D1+--", "..%2F..%2Fetc%2Fpasswd",
    ];

    [GeneratedRegex("<li>([^<]*)</li>")]
    private static partial Regex ListItem();

    private static string Body(string token, IEnumerable<(string Key, string Value)> fields) =>
        "__rs_af=" + Uri.EscapeDataString(token) + string.Concat(fields.Select(f => "&" + f.Key + "=" + f.Value));

    private static Task<HttpResponseMessage> PostRawAsync(HttpClient client, string url, string body) =>
        client.PostAsync(url, new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded"));

    private static (string Key, string Value)[][] Generated(string[] keys, string[] values) =>
        Gen.ListOf(from key in Gen.Elements(keys) from value in Gen.Elements(values) select (key, value))
            .Select(fields => fields.ToArray())
            .Sample(12, Bodies);

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Generated_report_and_follow_up_forms_never_get_a_5xx_and_a_case_is_stored_only_with_a_receipt(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var setup = await RemedySteps.SetUpAsync(app);
        var url = $"/report/{setup.Channel}";
        var reporter = app.CreateBrowserlikeClient();
        var token = Forms.AntiforgeryToken(await (await reporter.GetAsync(url)).Content.ReadAsStringAsync());
        var before = await QueryAsync(app, db => db.Cases.IgnoreQueryFilters().CountAsync());
        var receipts = 0;

        foreach (var fields in Generated(ReportKeys, Values))
        {
            var body = Body(token, fields);
            using var response = await PostRawAsync(reporter, url, body);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"HTTP {(int)response.StatusCode} for {body[..Math.Min(body.Length, 500)]}");
            receipts += response.StatusCode == HttpStatusCode.OK && html.Contains("data-testid=\"receipt\"", StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.Equal(before + receipts, await QueryAsync(app, db => db.Cases.IgnoreQueryFilters().CountAsync()));

        var followUp = $"/report/{setup.Channel}/follow-up";
        var followUpToken = Forms.AntiforgeryToken(await (await reporter.GetAsync(followUp)).Content.ReadAsStringAsync());
        foreach (var fields in Generated(["Receipt", "Receipt", "Message", "%FF"], Receipts))
        {
            var body = Body(followUpToken, fields);
            using var response = await PostRawAsync(reporter, followUp, body);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"HTTP {(int)response.StatusCode} for {body[..Math.Min(body.Length, 500)]}");
            Assert.DoesNotContain("data-testid=\"case-status\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Uploaded_files_with_generated_names_never_get_a_5xx_and_are_kept_without_any_path()
    {
        await using var app = await RightscopeFactory.StartAsync(ProviderData.Sqlite);
        var setup = await RemedySteps.SetUpAsync(app);
        byte[] pdf = [.. "%PDF-1.7\n"u8, .. Encoding.ASCII.GetBytes(new string('p', 2_000))];
        byte[] executable = [.. "MZ"u8, .. new byte[2_000]];
        string[] names =
        [
            "../../etc/passwd", "..\\x.pdf", "/etc/shadow.pdf", "C:\\Windows\\system32\\y.pdf", "....//....//z.pdf", "%2e%2e%2fq.pdf",
            "a\tb.pdf", "\u202Egnp.pdf", new string('n', 500) + ".pdf", "..", ".", " .", "report.pdf",
        ];
        var uploads = Gen.ListOf(from name in Gen.Elements(names) from content in Gen.Elements(pdf, executable) select new UploadFile(name, content))
            .Select(files => files.Take(2).ToArray())
            .Sample(8, 12);
        var stored = new List<string>();
        foreach (var files in uploads.Append([new UploadFile("../../etc/passwd.pdf", pdf), new UploadFile("..\\..\\x.pdf", pdf)]))
        {
            var (response, _, receipt) = await RemedyUploads.SubmitAsync(app.CreateBrowserlikeClient(), setup.Channel, "Wages withheld; files attached.", files);
            Assert.True((int)response.StatusCode < 500, $"HTTP {(int)response.StatusCode} for {string.Join(", ", files.Select(f => f.Name))}");
            if (receipt is null)
            {
                continue;
            }

            var followUp = await (await RemedySteps.FollowUpAsync(app.CreateBrowserlikeClient(), setup.Channel, receipt)).Content.ReadAsStringAsync();
            var list = followUp[followUp.IndexOf("data-testid=\"your-files\"", StringComparison.Ordinal)..];
            stored.AddRange(ListItem().Matches(list[..list.IndexOf("</ul>", StringComparison.Ordinal)]).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
        }

        Assert.Contains("passwd.pdf", stored);
        Assert.Contains("x.pdf", stored);
        Assert.All(stored, name =>
        {
            Assert.DoesNotContain('/', name);
            Assert.DoesNotContain('\\', name);
            Assert.DoesNotContain('\0', name);
            Assert.False(name.StartsWith('.'), name);
        });
    }
}
