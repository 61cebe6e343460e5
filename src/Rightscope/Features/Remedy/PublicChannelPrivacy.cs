using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace Rightscope.Features.Remedy;

/// <summary>
/// First in the pipeline for <c>/report/…</c>: forgets the client's address and the request headers that identify a
/// person or their browser before any other code can read, store or log them (issue 5: "no IP address, user agent or
/// other identifying request data"), and keeps every response out of caches.
/// </summary>
public sealed class PublicChannelPrivacy(RequestDelegate next)
{
    public const string PathPrefix = "/report";

    private static readonly string[] IdentifyingHeaders =
    [
        HeaderNames.UserAgent, HeaderNames.Referer, HeaderNames.From, HeaderNames.AcceptLanguage, "X-Forwarded-For",
        "X-Real-IP", "Forwarded", "X-Forwarded-Host", "X-Original-For", "X-Original-Host", "True-Client-IP",
        "CF-Connecting-IP", "CF-IPCountry", "Via", "DNT", "Sec-CH-UA", "Sec-CH-UA-Platform", "Sec-CH-UA-Mobile",
    ];

    /// <summary>The only cookie the public channel reads: the anti-forgery cookie (its name is set in RightscopeWebApp).</summary>
    public const string AntiforgeryCookie = "rs.af";

    public static bool IsPublicChannel(PathString path) => path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase);

    public Task InvokeAsync(HttpContext http)
    {
        if (IsPublicChannel(http.Request.Path))
        {
            http.Connection.RemoteIpAddress = null;
            http.Connection.RemotePort = 0;
            foreach (var header in IdentifyingHeaders)
            {
                http.Request.Headers.Remove(header);
            }

            // A staff member's session (or any other cookie) must not reach the channel: without it nothing here can
            // sign them in, renew their session or tie a report to them.
            var kept = CookieHeaderValue.TryParseList(http.Request.Headers.Cookie.OfType<string>().ToList(), out var cookies)
                ? cookies.FirstOrDefault(c => c.Name.Equals(AntiforgeryCookie, StringComparison.Ordinal))
                : null;
            http.Request.Headers.Remove(HeaderNames.Cookie);
            if (kept is not null)
            {
                http.Request.Headers.Cookie = kept.ToString();
            }

            http.Response.OnStarting(() =>
            {
                http.Response.Headers.CacheControl = "no-store";
                http.Response.Headers.Pragma = "no-cache";
                return Task.CompletedTask;
            });
        }

        return next(http);
    }
}

/// <summary>
/// On <c>/report/…</c> the language comes from the URL (<c>?lang=zh-Hans</c>) and nothing else: no culture cookie is
/// read or written, and the browser's languages are not consulted, so the page a person sees depends only on the
/// link they followed.
/// </summary>
public sealed class PublicChannelCultureProvider : RequestCultureProvider
{
    public const string QueryKey = "lang";

    public static string LanguageOf(HttpRequest request) =>
        string.Equals(request.Query[QueryKey], "zh-Hans", StringComparison.OrdinalIgnoreCase) ? "zh-Hans" : "en";

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (!PublicChannelPrivacy.IsPublicChannel(httpContext.Request.Path))
        {
            return NullProviderCultureResult;
        }

        var language = LanguageOf(httpContext.Request);
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(language));
    }

    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
}
