using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Decisions;

/// <summary>The exclusion list as a CSV or JSON download (<c>?format=csv|json</c>).</summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class ExclusionExportModel(OrganizationContext context, ExclusionList list, IStringLocalizer<DecisionsText> text) : PageModel
{
    public string Slug => context.Current.Slug;

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancellationToken)
    {
        if (!ExclusionList.TryParseFormat(format, out var kind))
        {
            ModelState.AddModelError("format", text["Exclusions.FormatInvalid"]);
            return this.InvalidForm();
        }

        var document = await list.LoadAsync(Slug, cancellationToken);
        var buffer = new MemoryStream();
        ExclusionList.Write(document, kind, buffer);
        buffer.Position = 0;
        var (type, name) = ExclusionList.FileOf(kind, document.GeneratedAt);
        return File(buffer, type, name);
    }
}
