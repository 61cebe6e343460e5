using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Rightscope.Data;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Hrdd;

/// <summary>
/// What the delete pages of actions, tracking indicators, measurements and engagement log entries share. The item's
/// page links here (GET) and this page asks for confirmation with a form that POSTs the deletion, so deleting works
/// without JavaScript and never happens from a single click. While something still depends on the item the page says
/// what, offers no button, and a POST is refused with 409.
/// </summary>
public abstract class HrddDeletePage(RightscopeDbContext db, OrganizationContext context, TimeProvider clock, IStringLocalizer<HrddTrackingText> text)
    : HrddTrackingPage(db, context, clock, text)
{
    /// <summary>The question the page asks, such as "Delete this action?".</summary>
    public string Heading { get; protected set; } = "";

    /// <summary>What is about to be deleted, as its owner would recognise it.</summary>
    public string Name { get; protected set; } = "";

    /// <summary>What goes with the item, when anything does.</summary>
    public string? Consequence { get; protected set; }

    /// <summary>Why the item cannot be deleted yet; null when it can.</summary>
    public string? Blocker { get; protected set; }

    /// <summary>Where "keep it" leads: the item's own page.</summary>
    public string BackHref { get; protected set; } = "";

    public string PostHref => Request.Path;

    protected IActionResult Refused()
    {
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    /// <summary>The item changed or went since the confirmation page was read: nothing is deleted, and the page says so.</summary>
    protected IActionResult Changed()
    {
        Blocker = Text["Delete.Changed"];
        return Refused();
    }
}
