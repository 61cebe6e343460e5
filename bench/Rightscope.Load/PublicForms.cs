using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace Rightscope.Load;

/// <summary>
/// What a reporter's browser does with the public channel, as plain HTTP: fetch a form (its anti-forgery cookie and
/// hidden field), post a complete report as multipart with the token first, open a receipt. Each operation starts
/// without cookies, like a new reporter.
/// </summary>
public sealed partial class PublicForms(HttpClient http, LoadOptions options)
{
    public const string TokenField = "__rs_af";
    private const string CookieName = "rs.af";

    private static readonly byte[] Evidence = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(
        "Shift log, line 3: overtime not paid for the weeks of 2 and 9 March; supervisor kept our passports.\n", 40)));

    /// <summary>Thrown for anything but the expected page; <see cref="Exception.Message"/> is the error kind.</summary>
    public sealed class LoadError(string kind) : Exception(kind);

    /// <summary>A form page: its anti-forgery cookie (name=value) and hidden token.</summary>
    public sealed record FormPage(string Cookie, string Token);

    public async Task<FormPage> GetFormAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new LoadError($"GET form: HTTP {(int)response.StatusCode}");
        }

        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';')[0]).FirstOrDefault(c => c.StartsWith(CookieName + "=", StringComparison.Ordinal))
            : null;
        var input = TokenInput().Match(html);
        var value = input.Success ? ValueAttribute().Match(input.Value) : Match.Empty;
        if (cookie is null || !value.Success)
        {
            throw new LoadError("GET form: no anti-forgery cookie or field");
        }

        return new FormPage(cookie, WebUtility.HtmlDecode(value.Groups[1].Value));
    }

    /// <summary>One complete submission: the form, then the post; returns the receipt's 16 digits and the post's seconds.</summary>
    public async Task<(string Receipt, double PostSeconds)> SubmitAsync(int client, int iteration, CancellationToken cancellationToken)
    {
        var language = options.LanguageOf(client);
        var path = $"/report/{Uri.EscapeDataString(options.Channel)}?lang={language}";
        var page = await GetFormAsync(path, cancellationToken);

        using var form = new MultipartFormDataContent();
        // The token first: the server refuses a post whose first part is anything else.
        form.Add(Text(page.Token), TokenField);
        foreach (var (key, value) in Answers(language, client, iteration))
        {
            form.Add(Text(value), $"Answers[{key}]");
        }

        form.Add(Text("shown"), "MetadataChoice");
        form.Add(Text("true"), "RemoveMetadata");
        if (options.Files > 0)
        {
            var file = new ByteArrayContent(Evidence);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(file, "Answers[files]", "evidence.txt");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
        request.Headers.Add("Cookie", page.Cookie);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, cancellationToken);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new LoadError(response.StatusCode switch
            {
                HttpStatusCode.TooManyRequests => "POST report: HTTP 429 (rate limit: try again)",
                HttpStatusCode.ServiceUnavailable => "POST report: HTTP 503 (derivation queue full or channel not accepting)",
                _ => $"POST report: HTTP {(int)response.StatusCode}",
            });
        }

        var receipt = ReceiptShown().Match(html);
        var digits = receipt.Success ? new string([.. receipt.Groups[1].Value.Where(char.IsAsciiDigit)]) : "";
        if (digits.Length != 16)
        {
            throw new LoadError(html.Contains("field-error", StringComparison.Ordinal)
                ? "POST report: 200 with a validation error, no receipt"
                : "POST report: 200 without a receipt");
        }

        if (options.Files > 0 && !html.Contains("data-testid=\"stored-files\"", StringComparison.Ordinal))
        {
            throw new LoadError("POST report: receipt without the stored file");
        }

        return (digits, seconds);
    }

    /// <summary>Opens a receipt on the follow-up page; returns the post's seconds.</summary>
    public async Task<double> FollowUpAsync(int client, string receipt, CancellationToken cancellationToken)
    {
        var path = $"/report/{Uri.EscapeDataString(options.Channel)}/follow-up?lang={options.LanguageOf(client)}";
        var page = await GetFormAsync(path, cancellationToken);
        using var form = new FormUrlEncodedContent([new(TokenField, page.Token), new("Receipt", receipt)]);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
        request.Headers.Add("Cookie", page.Cookie);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, cancellationToken);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new LoadError(response.StatusCode switch
            {
                HttpStatusCode.TooManyRequests => "POST follow-up: HTTP 429 (rate limit: try again)",
                HttpStatusCode.ServiceUnavailable => "POST follow-up: HTTP 503 (derivation queue full)",
                _ => $"POST follow-up: HTTP {(int)response.StatusCode}",
            });
        }

        return html.Contains("data-testid=\"case-status\"", StringComparison.Ordinal)
            ? seconds
            : throw new LoadError("POST follow-up: 200 without the case");
    }

    /// <summary>Every question of the general questionnaire (the demo channel's) answered, the required one included.</summary>
    public static IEnumerable<(string Key, string Value)> Answers(string language, int client, int iteration)
    {
        var n = string.Create(CultureInfo.InvariantCulture, $"{client}-{iteration}");
        if (language == "zh-Hans")
        {
            yield return ("what-happened", $"（负载测试 {n}）工厂三号车间的工人连续六周每天加班四小时，没有加班费。主管扣留了部分工人的护照，" +
                "并威胁说如果向外人投诉就会被解雇。宿舍十二人一间，没有安全出口。我们希望公司调查并提供补救。");
            yield return ("product", "运动鞋（型号 X-200）");
            yield return ("country", "越南");
            yield return ("contact", "请不要联系我，我会用收据查看答复。");
        }
        else
        {
            yield return ("what-happened", $"(Load test {n}) Workers in hall 3 of the factory worked four hours of overtime a day for six weeks " +
                "without overtime pay. The supervisor kept some workers' passports and said anyone who complained to outsiders would be " +
                "dismissed. Twelve people share one dormitory room with no emergency exit. We ask the company to investigate and provide remedy.");
            yield return ("product", "Running shoes (model X-200)");
            yield return ("country", "Viet Nam");
            yield return ("contact", "Please do not contact me; I will check for a reply with the receipt.");
        }

        yield return ("when", "2026-03-09");
    }

    private static ByteArrayContent Text(string value) => new(Encoding.UTF8.GetBytes(value));

    [GeneratedRegex("<input[^>]*name=\"__rs_af\"[^>]*>")]
    private static partial Regex TokenInput();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();

    [GeneratedRegex("data-testid=\"receipt\"[^>]*>\\s*<strong>([^<]*)</strong>")]
    private static partial Regex ReceiptShown();
}
