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
        HeaderNames.UserAgent, HeaderNames.Referer, HeaderNames.From, "X-Forwarded-For", "X-Real-IP", "Forwarded",
        "X-Forwarded-Host", "True-Client-IP", "CF-Connecting-IP", "Via", "DNT", "Sec-CH-UA", "Sec-CH-UA-Platform",
        "Sec-CH-UA-Mobile",
    ];

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
