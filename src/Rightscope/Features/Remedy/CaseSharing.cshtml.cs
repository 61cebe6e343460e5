using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Remedy;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Remedy;

/// <summary>
/// <c>/o/{org}/cases/share</c>: a handler shares, in one step per channel and person, the existing cases they can open
/// with recipients who cannot (a new recipient of the channel, or one who replaced their key). Listing needs no key
/// (counts only); sharing opens each case key with the handler's session key and asks to unlock when it has lapsed.
/// </summary>
[RequirePermission(Permission.HandleCases)]
public sealed class CaseSharingModel(
    RightscopeDbContext db,
    OrganizationContext context,
    HandlerSession session,
    ChannelCaseSharing sharing,
    AuditTrail audit) : PageModel
{
    public string Slug => context.Current.Slug;

    public IReadOnlyList<(ChannelCaseSharing.Pending Pending, Channel Channel)> Pending { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? Shared { get; set; }

    public bool NothingShared { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid channel, Guid person, CancellationToken cancellationToken)
    {
        using var key = await session.UseAsync();
        if (key is null)
        {
            return Redirect($"/account/case-keys/unlock?returnUrl={Uri.EscapeDataString($"/o/{Slug}/cases/share")}");
        }

        var userId = context.Membership!.UserId;
        IReadOnlyList<int> numbers;
        try
        {
            numbers = await sharing.ShareAllAsync(userId, key, channel, person, cancellationToken);
        }
        catch (CryptoOpenException)
        {
            // The session holds another key pair than the cases were sealed to (the key was replaced meanwhile).
            await session.LockAsync();
            return Redirect($"/account/case-keys/unlock?returnUrl={Uri.EscapeDataString($"/o/{Slug}/cases/share")}");
        }

        if (numbers.Count == 0)
        {
            // Unknown channel or person, another organization's, or shared by someone else meanwhile: one answer for all.
            return await NothingSharedAsync(cancellationToken);
        }

        try
        {
            await audit.SaveChangesAsync(
                new AuditRecord(context.Current.Id, AuditActor.SignedIn(User), "cases.shared", "channel", channel.ToString("N"),
                    string.Create(CultureInfo.InvariantCulture, $"{numbers.Count} case key(s) sealed to recipient {person:N}: cases {string.Join(", ", numbers)}")),
                cancellationToken);
        }
        catch (DbUpdateException e) when (CaseIntake.IsUniqueViolation(e))
        {
            // Another recipient shared some of these cases with the same person at the same moment: nothing of this
            // request was written (one transaction); the page shows what is still pending.
            db.ChangeTracker.Clear();
            return await NothingSharedAsync(cancellationToken);
        }

        return Redirect(string.Create(CultureInfo.InvariantCulture, $"/o/{Slug}/cases/share?shared={numbers.Count}"));
    }

    private async Task<IActionResult> NothingSharedAsync(CancellationToken cancellationToken)
    {
        NothingShared = true;
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var pending = await sharing.PendingAsync(context.Membership!.UserId, cancellationToken);
        var ids = pending.Select(p => p.ChannelId).Distinct().ToList();
        var channels = await db.Channels.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        Pending = [.. pending.Select(p => (p, channels[p.ChannelId]))];
    }
}
