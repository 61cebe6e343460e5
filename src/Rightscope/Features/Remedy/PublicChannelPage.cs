using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rightscope.Data;

namespace Rightscope.Features.Remedy;

/// <summary>What the public channel's pages share: the channel from the URL (across organizations), and the language.</summary>
public abstract class PublicChannelPage(RightscopeDbContext db, TenantScope tenant) : PageModel
{
    /// <summary>The largest public post (M1): far more than any answer needs; uploads do not exist yet.</summary>
    public const int MaxRequestBytes = 256 * 1024;

    public const int MaxFormValues = 64;

    public const int MaxValueLength = 100_000;

    [FromRoute(Name = "channel")]
    public string ChannelSlug { get; set; } = "";

    public Channel Channel { get; private set; } = null!;

    public bool Chinese => PublicChannelCultureProvider.IsChinese;

    /// <summary>The query string that keeps the language on links and form actions.</summary>
    public string LanguageQuery => Chinese ? "?lang=zh-Hans" : "?lang=en";

    /// <summary>
    /// Set when the post was refused by a rate limit (429) or the derivation queue was full (503): the page says to try
    /// again in a minute and shows the form again with everything that was typed.
    /// </summary>
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

    /// <summary>Whether this post may go on under the channel's limits; asked only after anti-forgery has passed.</summary>
    protected bool Admitted(PublicChannelLimiter limiter, PublicPostKind kind) => limiter.TryAcquire(Request, Channel.Id, kind);

    /// <summary>The form again, with what was typed and a "try again in a minute" notice.</summary>
    protected IActionResult BusyPage(int status = StatusCodes.Status503ServiceUnavailable)
    {
        ModelState.Clear();
        Busy = true;
        Response.StatusCode = status;
        Response.Headers.RetryAfter = "60";
        return Page();
    }

    protected IActionResult RateLimited() => BusyPage(StatusCodes.Status429TooManyRequests);
}
