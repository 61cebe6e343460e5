using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rightscope.Data;

namespace Rightscope.Features.Home;

/// <summary>Sends each visitor where they belong: first run, sign-in, or their organizations.</summary>
[AllowAnonymous]
public sealed class IndexModel(RightscopeDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await db.Organizations.AnyAsync(cancellationToken))
        {
            return Redirect("/setup");
        }

        return Redirect(User.Identity?.IsAuthenticated == true ? "/orgs" : "/account/sign-in");
    }
}
