using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Methodologies;
using Rightscope.Data;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Methodologies;

/// <summary>The methodologies this organization can assess with: the shipped ones and its own.</summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class MethodologyListModel(
    RightscopeDbContext db,
    MethodologyRegistry registry,
    OrganizationContext organization,
    IStringLocalizer<MethodologiesText> text) : PageModel
{
    public IReadOnlyList<AvailableMethodology> Items { get; private set; } = [];

    public string Slug => organization.Current.Slug;

    public string Language => MethodologyLanguage.Current;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Items = await registry.AvailableAsync(db, cancellationToken);

    /// <summary>"3 sections · 48 questions" in the page's language, from the methodology's own level names.</summary>
    public string Counts(Methodology methodology)
    {
        return string.Join(" · ", methodology.CountByLevel()
            .Where(l => l.Count > 0)
            .Select(l => text["List.LevelCount", l.Count.ToString(CultureInfo.CurrentCulture), l.Level.Title.In(Language)].Value));
    }
}

/// <summary>The catalog language that matches the interface language.</summary>
public static class MethodologyLanguage
{
    public static string Current => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? "zh-Hans" : "en";
}
