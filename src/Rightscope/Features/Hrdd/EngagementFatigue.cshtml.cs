using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Hrdd;
using Rightscope.Data;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Hrdd;

/// <summary>
/// Engagement fatigue: how often each stakeholder organization was engaged in the last twelve months, highest first,
/// flagged at <c>Hrdd:EngagementFatigueThreshold</c>, and the share of the window's engagements held in the Global South.
/// </summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class EngagementFatigueModel(
    RightscopeDbContext db, OrganizationContext context, TimeProvider clock, HrddTrackingSettings settings, IStringLocalizer<HrddTrackingText> text)
    : HrddTrackingPage(db, context, clock, text)
{
    public FatigueReport Report { get; private set; } = null!;

    /// <summary>Display names by counting key: the most recent spelling of each organization.</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        var from = EngagementFatigue.WindowStart(today);
        var engagements = await Db.StakeholderEngagements.AsNoTracking()
            .Where(e => e.HeldOn >= from && e.HeldOn <= today)
            .Select(e => new { e.Id, e.HeldOn, e.GlobalSouth })
            .ToListAsync(cancellationToken);
        var ids = engagements.Select(e => e.Id).ToList();
        var parties = await Db.StakeholderEngagementParties.AsNoTracking()
            .Where(p => ids.Contains(p.EngagementId))
            .Select(p => new { p.EngagementId, p.Name, p.NormalizedName })
            .ToListAsync(cancellationToken);
        var heldOn = engagements.ToDictionary(e => e.Id, e => e.HeldOn);
        Names = parties.GroupBy(p => p.NormalizedName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => heldOn[p.EngagementId]).First().Name, StringComparer.Ordinal);
        Report = EngagementFatigue.Compute(
            engagements.Select(e => new EngagementOccasion(e.HeldOn, [.. parties.Where(p => p.EngagementId == e.Id).Select(p => p.NormalizedName)], e.GlobalSouth)),
            today,
            settings.FatigueThreshold);
    }

    public string NameOf(string key) => Names.TryGetValue(key, out var name) ? name : key;
}
