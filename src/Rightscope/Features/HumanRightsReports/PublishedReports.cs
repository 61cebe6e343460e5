using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.HumanRightsReports;
using Rightscope.Data;
using Rightscope.Features.Organizations;

namespace Rightscope.Features.HumanRightsReports;

/// <summary>
/// Finds a published report by organization slug and year for the public pages and the CLI export, entering the
/// organization so the tenant filter applies. A draft, submitted, approved or withdrawn report is not found.
/// </summary>
public sealed class PublishedReports(RightscopeDbContext db, TenantScope tenant)
{
    public sealed record Published(Organization Organization, HumanRightsReport Report, ReportContent Content);

    public async Task<Published?> FindAsync(string slug, int year, CancellationToken cancellationToken)
    {
        var lowered = slug.ToLowerInvariant();
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == lowered, cancellationToken);
        if (organization is null)
        {
            return null;
        }

        tenant.Enter(organization.Id);
        var report = await db.HumanRightsReports.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Year == year && r.Status == ReportStatus.Published, cancellationToken);
        return report?.ReadSnapshot() is { } content ? new Published(organization, report, content) : null;
    }

    /// <summary>The file name of an export: <c>human-rights-report-{org}-{year}-{lang}.{extension}</c>.</summary>
    public static string FileName(string slug, int year, string language, string extension) =>
        $"human-rights-report-{slug}-{year.ToString(System.Globalization.CultureInfo.InvariantCulture)}-{Bilingual.Normalize(language)}.{extension}";
}

/// <summary>
/// On the public report pages (<c>/human-rights-reports/…</c>) the language comes from the URL (<c>?lang=zh-Hans</c>),
/// like the public channel, so a shared link shows the same language to everyone.
/// </summary>
public sealed class PublicReportCultureProvider : RequestCultureProvider
{
    public const string PathPrefix = "/human-rights-reports";

    public static bool IsPublicReport(PathString path) => path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase);

    public static string LanguageOf(HttpRequest request) => Bilingual.Normalize(request.Query["lang"].ToString());

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        IsPublicReport(httpContext.Request.Path)
            ? Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(LanguageOf(httpContext.Request)))
            : NullProviderCultureResult;
}
