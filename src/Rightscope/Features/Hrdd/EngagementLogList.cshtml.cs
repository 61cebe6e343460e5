using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Hrdd;
using Rightscope.Data;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Hrdd;

public sealed record EngagementLogRow(StakeholderEngagement Engagement, IReadOnlyList<string> Organizations);

/// <summary>
/// The stakeholder engagement log, newest first, filtered by format, stakeholder type, region, Global South,
/// organization (matched on the normalized name) and salient issue.
/// </summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class EngagementLogListModel(RightscopeDbContext db, OrganizationContext context, TimeProvider clock, IStringLocalizer<HrddTrackingText> text)
    : HrddTrackingPage(db, context, clock, text)
{
    [FromQuery(Name = "format")]
    public string? FormatFilter { get; set; }

    [FromQuery(Name = "type")]
    public string? TypeFilter { get; set; }

    [FromQuery(Name = "region")]
    public string? RegionFilter { get; set; }

    [FromQuery(Name = "south")]
    public string? SouthFilter { get; set; }

    [FromQuery(Name = "organization")]
    public string? OrganizationFilter { get; set; }

    [FromQuery(Name = "issue")]
    public string? IssueFilter { get; set; }

    public IReadOnlyList<Choice> IssueChoices { get; private set; } = [];

    public IReadOnlyList<EngagementLogRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        IssueChoices = await IssueChoicesAsync(cancellationToken);
        var query = Db.StakeholderEngagements.AsNoTracking();
        if (!string.IsNullOrEmpty(FormatFilter))
        {
            var format = Choose<EngagementFormat>("format", Text["Field.Format"], FormatFilter);
            query = query.Where(e => e.Format == format);
        }

        if (!string.IsNullOrEmpty(RegionFilter))
        {
            var region = Choose<StakeholderRegion>("region", Text["Field.Region"], RegionFilter);
            query = query.Where(e => e.Region == region);
        }

        if (!string.IsNullOrEmpty(SouthFilter))
        {
            if (SouthFilter is "yes" or "no")
            {
                var south = SouthFilter == "yes";
                query = query.Where(e => e.GlobalSouth == south);
            }
            else
            {
                Fail("south", Text["Error.ChoiceInvalid", Text["Field.GlobalSouth"]]);
            }
        }

        StakeholderType? type = null;
        if (!string.IsNullOrEmpty(TypeFilter))
        {
            type = Choose<StakeholderType>("type", Text["Field.Types"], TypeFilter);
        }

        if (!string.IsNullOrWhiteSpace(OrganizationFilter))
        {
            var key = StakeholderNames.Normalize(OrganizationFilter);
            query = query.Where(e => Db.StakeholderEngagementParties.Any(p => p.EngagementId == e.Id && p.NormalizedName.Contains(key)));
        }

        if (!string.IsNullOrEmpty(IssueFilter))
        {
            var issue = ChosenIssues("issue", Text["Field.Issue"], [IssueFilter], IssueChoices).FirstOrDefault();
            query = query.Where(e => Db.StakeholderEngagementIssues.Any(l => l.EngagementId == e.Id && l.SalientIssueId == issue));
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var engagements = await query.OrderByDescending(e => e.HeldOn).ThenByDescending(e => e.CreatedAt).ToListAsync(cancellationToken);
        if (type is { } wanted)
        {
            // Types are a short comma-separated list; filtered here so "Workers" cannot match inside another name.
            engagements = [.. engagements.Where(e => e.Types.Contains(wanted))];
        }

        var ids = engagements.Select(e => e.Id).ToList();
        var parties = await Db.StakeholderEngagementParties.AsNoTracking().Where(p => ids.Contains(p.EngagementId)).ToListAsync(cancellationToken);
        Rows = [.. engagements.Select(e => new EngagementLogRow(e, [.. parties.Where(p => p.EngagementId == e.Id).OrderBy(p => p.Position).Select(p => p.Name)]))];
        return Page();
    }
}
