using Microsoft.AspNetCore.Localization;

namespace Rightscope.Features.Transparency;

/// <summary>
/// On the public transparency report (<c>/transparency/…</c>) the language comes from the URL (<c>?lang=zh-Hans</c>,
/// English otherwise), like the public channel and the public human rights report, so a shared link shows the same
/// language to everyone whatever their browser or cookie says.
/// </summary>
public sealed class PublicTransparencyCultureProvider : RequestCultureProvider
{
    public const string PathPrefix = "/transparency";

    public static bool IsPublicReport(PathString path) => path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase);

    public static string LanguageOf(HttpRequest request) =>
        string.Equals(request.Query["lang"], "zh-Hans", StringComparison.OrdinalIgnoreCase) ? "zh-Hans" : "en";

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        IsPublicReport(httpContext.Request.Path)
            ? Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(LanguageOf(httpContext.Request)))
            : NullProviderCultureResult;
}
