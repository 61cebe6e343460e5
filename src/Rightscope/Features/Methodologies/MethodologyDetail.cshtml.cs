using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rightscope.Core.Accounts;
using Rightscope.Core.Methodologies;
using Rightscope.Data;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Methodologies;

/// <summary>One methodology version: answer sets, structure with guidance, tier rules and decisions.</summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class MethodologyDetailModel(RightscopeDbContext db, MethodologyRegistry registry) : PageModel
{
    public Methodology Methodology { get; private set; } = null!;

    public bool Shipped { get; private set; }

    public string Language => MethodologyLanguage.Current;

    public async Task<IActionResult> OnGetAsync(string key, string version, CancellationToken cancellationToken)
    {
        var found = MethodologyRegistry.Find(await registry.AvailableAsync(db, cancellationToken), $"{key}@{version}");
        if (found is null)
        {
            return NotFound();
        }

        (Methodology, Shipped) = (found.Methodology, found.Shipped);
        return Page();
    }
}
