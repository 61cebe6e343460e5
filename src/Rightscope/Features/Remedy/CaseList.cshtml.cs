using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Remedy;
using Rightscope.Data;
using Rightscope.Data.Aggregates;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Remedy;

/// <summary>
/// The cases of the channels where the signed-in handler is a recipient: numbers, states, triage and days, no content.
/// Filters by state, urgency and defender flag come from the query string, so a filtered list can be bookmarked. A
/// page holds <see cref="PageSize"/> cases, newest first; the counts above the list are computed by the database over
/// the handler's cases and stop at <see cref="CappedCount.Cap"/> ("1000+"), so the page costs the same with 200 cases
/// or 200,000 (issue 8).
/// </summary>
[RequirePermission(Permission.HandleCases)]
public sealed class CaseListModel(
    RightscopeDbContext db, OrganizationContext context, HandlerSession session, ChannelCaseSharing sharing, TimeProvider clock, AggregateCache aggregates)
    : PageModel
{
    public const int PageSize = 50;

    /// <summary>A case as the list shows it: no content, and none of the encrypted columns loaded.</summary>
    public sealed record CaseSummary(Guid Id, int Number, CaseStatus Status, CaseUrgency Urgency, bool Defender, DateOnly ReceivedOn, DateOnly? ClosedOn);

    public sealed record Row(CaseSummary Case, Channel Channel, DateOnly? CheckInDue)
    {
        /// <summary>Open, and past its channel's retention period: never deleted silently, its handlers decide.</summary>
        public bool RetentionDecisionNeeded { get; init; }
    }

    public string Slug => context.Current.Slug;

    public bool Unlocked => session.IsUnlocked;

    public IReadOnlyList<Row> Cases { get; private set; } = [];

    /// <summary>
    /// The handler's cases that match the filters, on every page: counted up to <see cref="CappedCount.Cap"/> cases
    /// beyond this page's first, so deep pages stay exact about whether there is a next one.
    /// </summary>
    public CappedCount TotalCount { get; private set; }

    public int PageNumber { get; private set; } = 1;

    /// <summary>The pages known to exist; more when <see cref="TotalCount"/> stopped counting.</summary>
    public CappedCount PageCount => new(Math.Max(1, (TotalCount.Value + PageSize - 1) / PageSize), TotalCount.More);

    public bool HasNextPage => PageNumber < PageCount.Value || TotalCount.More;

    /// <summary>The handler's cases with a retaliation check-in due (whatever the filters).</summary>
    public int CheckInsDue { get; private set; }

    /// <summary>The handler's open cases past their channel's retention period (whatever the filters).</summary>
    public CappedCount RetentionDecisions { get; private set; }

    /// <summary>Cases this handler can open that other recipients of their channels cannot yet (see <c>/cases/share</c>).</summary>
    public CappedCount PendingShares { get; private set; }

    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    [FromQuery(Name = "status")]
    public string? StatusFilter { get; set; }

    [FromQuery(Name = "urgency")]
    public string? UrgencyFilter { get; set; }

    [FromQuery(Name = "defender")]
    public string? DefenderFilter { get; set; }

    [FromQuery(Name = "page")]
    public string? PageFilter { get; set; }

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
        if (!string.IsNullOrEmpty(PageFilter))
        {
            if (int.TryParse(PageFilter, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1)
            {
                PageNumber = number;
            }
            else
            {
                Invalid<int>("page");
            }
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var userId = context.Membership!.UserId;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        PendingShares = await sharing.PendingCountAsync(userId, cancellationToken);
        // A condition on each case rather than a join, so the database can walk the cases' index newest first and stop
        // after a page, looking each envelope up (issue 8). Never IgnoreQueryFilters here: it would lift the tenant
        // filter from the whole query, cases and check-ins included, not only from the envelopes.
        var mine = db.Cases.AsNoTracking().Where(c => db.CaseRecipientEnvelopes.Any(e => e.CaseId == c.Id && e.UserId == userId));
        var query = mine;
        if (status is { } s)
        {
            query = query.Where(c => c.Status == s);
        }

        if (urgency is { } u)
        {
            query = query.Where(c => c.Urgency == u);
        }

        if (defender is { } d)
        {
            query = query.Where(c => c.Defender == d);
        }

        var skipped = (PageNumber - 1) * PageSize;
        var facts = await aggregates.GetOrComputeAsync(
            db,
            AggregateArea.Cases,
            $"case-list|{userId}|{today:yyyy-MM-dd}|{status}|{urgency}|{defender}|{skipped}",
            token => FactsAsync(userId, today, mine, query, filtered: status is not null || urgency is not null || defender is not null, skipped, token),
            cancellationToken);
        (CheckInsDue, RetentionDecisions, TotalCount) = (facts.CheckInsDue, facts.RetentionDecisions, facts.Total);
        var channels = facts.Channels;
        if (PageNumber > PageCount.Value && !PageCount.More)
        {
            return NotFound();
        }

        var rows = await query
            .OrderByDescending(c => c.Number)
            .Skip(skipped)
            .Take(PageSize)
            .Select(c => new { Summary = new CaseSummary(c.Id, c.Number, c.Status, c.Urgency, c.Defender, c.ReceivedOn, c.ClosedOn), c.ChannelId })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Summary.Id).ToList();
        var due = (await db.CaseCheckIns.AsNoTracking()
                .Where(c => ids.Contains(c.CaseId) && c.Result == null && c.DueOn <= today)
                .Select(c => new { c.CaseId, c.DueOn })
                .ToListAsync(cancellationToken))
            .GroupBy(c => c.CaseId)
            .ToDictionary(g => g.Key, g => g.Min(c => c.DueOn));
        var byId = channels.ToDictionary(c => c.Id);
        // A case saved between the commit and its new stamp may sit in a channel the kept facts do not list yet.
        var missing = rows.Select(r => r.ChannelId).Where(id => !byId.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0)
        {
            foreach (var channel in await db.Channels.AsNoTracking().Where(c => missing.Contains(c.Id)).ToListAsync(cancellationToken))
            {
                byId[channel.Id] = channel;
            }
        }

        Cases = [.. rows.Select(row =>
        {
            var channel = byId[row.ChannelId];
            return new Row(row.Summary, channel, due.TryGetValue(row.Summary.Id, out var day) ? day : null)
            {
                RetentionDecisionNeeded = CaseRetention.NeedsDecision(row.Summary.ReceivedOn, row.Summary.ClosedOn, channel.RetentionDays, today),
            };
        })];
        return Page();
    }

    /// <summary>What the list shows about all of the handler's cases: kept until the organization's cases change, and for the day.</summary>
    private sealed record ListFacts(IReadOnlyList<Channel> Channels, int CheckInsDue, CappedCount RetentionDecisions, CappedCount Total);

    private async Task<ListFacts> FactsAsync(
        Guid userId, DateOnly today, IQueryable<GrievanceCase> mine, IQueryable<GrievanceCase> query, bool filtered, int skipped, CancellationToken cancellationToken)
    {
        var checkInsDue = await db.CaseCheckIns
            .Where(i => i.Result == null && i.DueOn <= today && mine.Any(c => c.Id == i.CaseId))
            .Select(i => i.CaseId)
            .Distinct()
            .CountAsync(cancellationToken);
        var channels = await db.Channels.AsNoTracking()
            .Where(channel => db.ChannelRecipients.Any(r => r.ChannelId == channel.Id && r.UserId == userId) || mine.Any(c => c.ChannelId == channel.Id))
            .ToListAsync(cancellationToken);
        var retentionDecisions = CappedCount.Zero;
        foreach (var channel in channels)
        {
            // CaseRetention.NeedsDecision, per channel so the database can count it: open (not closed is the same as no ClosedOn)
            // and received on or before the cut-off.
            var cutoff = today.AddDays(-channel.RetentionDays);
            retentionDecisions = retentionDecisions.Plus(await CappedCount.CountAsync(
                mine.Where(c => c.OrganizationId == channel.OrganizationId && c.ChannelId == channel.Id
                    && EF.Constant(CaseDeadlineBoard.OpenStatuses).Contains(c.Status) && c.ReceivedOn <= cutoff),
                cancellationToken));
        }

        // Unfiltered, the count is the handler's envelopes in this organization: one range of the envelopes' index.
        var cap = skipped + CappedCount.Cap;
        var total = filtered
            ? await CappedCount.CountAsync(query, cancellationToken, cap)
            : await CappedCount.CountAsync(db.CaseRecipientEnvelopes.Where(e => e.UserId == userId), cancellationToken, cap);
        return new ListFacts(channels, checkInsDue, retentionDecisions, total);
    }

    /// <summary>A link to another page of the same listing, keeping the filters.</summary>
    public string PageUrl(int page)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("status", StatusFilter);
        Add("urgency", UrgencyFilter);
        Add("defender", DefenderFilter);
        Add("page", page == 1 ? null : page.ToString(CultureInfo.InvariantCulture));
        return $"/o/{Slug}/cases" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
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
