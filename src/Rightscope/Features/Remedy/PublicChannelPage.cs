using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rightscope.Data;

namespace Rightscope.Features.Remedy;

/// <summary>What the public channel's pages share: the channel from the URL (across organizations), and the language.</summary>
public abstract class PublicChannelPage(RightscopeDbContext db, TenantScope tenant) : PageModel
{
    [FromRoute(Name = "channel")]
    public string ChannelSlug { get; set; } = "";

    public Channel Channel { get; private set; } = null!;

    public bool Chinese => PublicChannelCultureProvider.IsChinese;

    /// <summary>The query string that keeps the language on links and form actions.</summary>
    public string LanguageQuery => Chinese ? "?lang=zh-Hans" : "?lang=en";

    /// <summary>Set when the derivation queue was full: the page says to try again in a minute (503).</summary>
    public bool Busy { get; protected set; }

    /// <summary>Finds the channel and enters its organization, so the tenant filter applies to everything after.</summary>
    protected async Task<bool> FindChannelAsync(CancellationToken cancellationToken)
    {
        var slug = ChannelSlug.ToLowerInvariant();
        var found = await db.Channels.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (found is null)
        {
            return false;
        }

        Channel = found;
        tenant.Enter(found.OrganizationId);
        return true;
    }

    protected IActionResult BusyPage()
    {
        Busy = true;
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        Response.Headers.RetryAfter = "60";
        return Page();
    }
}
