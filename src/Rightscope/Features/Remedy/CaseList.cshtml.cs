using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Remedy;
using Rightscope.Data;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Remedy;

/// <summary>
/// The cases of the channels where the signed-in handler is a recipient: numbers, states, triage and days, no content.
/// Filters by state, urgency and defender flag come from the query string, so a filtered list can be bookmarked.
/// </summary>
[RequirePermission(Permission.HandleCases)]
public sealed class CaseListModel(
    RightscopeDbContext db, OrganizationContext context, HandlerSession session, ChannelCaseSharing sharing, TimeProvider clock) : PageModel
{
    public sealed record Row(GrievanceCase Case, Channel Channel, DateOnly? CheckInDue)
    {
        /// <summary>Open, and past its channel's retention period: never deleted silently, its handlers decide.</summary>
        public bool RetentionDecisionNeeded { get; init; }
    }

    public string Slug => context.Current.Slug;

    public bool Unlocked => session.IsUnlocked;

    public IReadOnlyList<Row> Cases { get; private set; } = [];

    public int CheckInsDue => Cases.Count(c => c.CheckInDue is not null);

    public int RetentionDecisions => Cases.Count(c => c.RetentionDecisionNeeded);

    /// <summary>Cases this handler can open that other recipients of their channels cannot yet (see <c>/cases/share</c>).</summary>
    public int PendingShares { get; private set; }

    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    [FromQuery(Name = "status")]
    public string? StatusFilter { get; set; }

    [FromQuery(Name = "urgency")]
    public string? UrgencyFilter { get; set; }

    [FromQuery(Name = "defender")]
    public string? DefenderFilter { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var status = Filter<CaseStatus>(StatusFilter, "status");
        var urgency = Filter<CaseUrgency>(UrgencyFilter, "urgency");
        bool? defender = DefenderFilter switch
        {
            null or "" => null,
            "true" => true,
            "false" => false,
            _ => Invalid<bool>("defender"),
        };
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var userId = context.Membership!.UserId;
        PendingShares = (await sharing.PendingAsync(userId, cancellationToken)).Sum(p => p.Cases);
        var query =
            from @case in db.Cases.AsNoTracking()
            join envelope in db.CaseRecipientEnvelopes on @case.Id equals envelope.CaseId
            join channel in db.Channels on @case.ChannelId equals channel.Id
            where envelope.UserId == userId
            select new { @case, channel };
        if (status is { } s)
        {
            query = query.Where(row => row.@case.Status == s);
        }

        if (urgency is { } u)
        {
            query = query.Where(row => row.@case.Urgency == u);
        }

        if (defender is { } d)
        {
            query = query.Where(row => row.@case.Defender == d);
        }

        var rows = await query.OrderByDescending(row => row.@case.Number).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var ids = rows.Select(r => r.@case.Id).ToList();
        var due = (await db.CaseCheckIns.AsNoTracking()
                .Where(c => ids.Contains(c.CaseId) && c.Result == null && c.DueOn <= today)
                .Select(c => new { c.CaseId, c.DueOn })
                .ToListAsync(cancellationToken))
            .GroupBy(c => c.CaseId)
            .ToDictionary(g => g.Key, g => g.Min(c => c.DueOn));
        Cases = [.. rows.Select(row => new Row(row.@case, row.channel, due.TryGetValue(row.@case.Id, out var day) ? day : null)
        {
            RetentionDecisionNeeded = CaseRetention.NeedsDecision(row.@case.ReceivedOn, row.@case.ClosedOn, row.channel.RetentionDays, today),
        })];
        return Page();
    }

    private TEnum? Filter<TEnum>(string? value, string field)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return EnumInput.TryParse<TEnum>(value, out var parsed) ? parsed : Invalid<TEnum?>(field);
    }

    private T? Invalid<T>(string field)
    {
        ModelState.AddModelError(field, field);
        return default;
    }
}
