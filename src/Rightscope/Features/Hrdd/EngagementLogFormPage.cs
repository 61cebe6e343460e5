using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Companies;
using Rightscope.Core.Hrdd;
using Rightscope.Data;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Hrdd;

/// <summary>The engagement log form's fields; organizations one per line (or separated by semicolons).</summary>
public sealed class EngagementLogForm
{
    public string? HeldOn { get; set; }

    public string? Format { get; set; }

    public string? Organizations { get; set; }

    public List<string> Types { get; set; } = [];

    public string? Region { get; set; }

    public string? Country { get; set; }

    public string? Topics { get; set; }

    public List<string> Issues { get; set; } = [];

    public string? DecisionsChanged { get; set; }

    public string? FollowUps { get; set; }

    public string? FollowUpDueOn { get; set; }

    public Guid? Version { get; set; }

    public static EngagementLogForm From(StakeholderEngagement e, IEnumerable<string> organizations, IEnumerable<Guid> issues) => new()
    {
        HeldOn = HrddTrackingPage.Date(e.HeldOn),
        Format = ActionSchedule.Code(e.Format),
        Organizations = string.Join('\n', organizations),
        Types = [.. e.Types.Select(t => ActionSchedule.Code(t))],
        Region = ActionSchedule.Code(e.Region),
        Country = e.CountryCode,
        Topics = e.Topics,
        Issues = [.. issues.Select(i => i.ToString())],
        DecisionsChanged = e.DecisionsChanged,
        FollowUps = e.FollowUps,
        FollowUpDueOn = HrddTrackingPage.Date(e.FollowUpDueOn),
        Version = e.ConcurrencyToken,
    };
}

/// <summary>What the new and edit engagement log pages share: the issues offered and the validation of the form.</summary>
public abstract class EngagementLogFormPage(RightscopeDbContext db, OrganizationContext context, TimeProvider clock, IStringLocalizer<HrddTrackingText> text)
    : HrddTrackingPage(db, context, clock, text)
{
    [BindProperty]
    public EngagementLogForm Input { get; set; } = new();

    public IReadOnlyList<Choice> IssueChoices { get; private set; } = [];

    protected async Task LoadChoicesAsync(CancellationToken cancellationToken) => IssueChoices = await IssueChoicesAsync(cancellationToken);

    /// <summary>Validates the form into <paramref name="engagement"/>; the organizations and issues to store, or null with field errors.</summary>
    protected (IReadOnlyList<string> Organizations, List<Guid> Issues)? Apply(StakeholderEngagement engagement)
    {
        var heldOn = RequiredDate("Input.HeldOn", Text["Field.HeldOn"], Input.HeldOn);
        if (ErrorOf("Input.HeldOn") is null && heldOn > Today)
        {
            Fail("Input.HeldOn", Text["Error.HeldOnFuture"]);
        }

        var format = Choose<EngagementFormat>("Input.Format", Text["Field.Format"], Input.Format);
        var organizations = StakeholderNames.Split(Input.Organizations);
        if (organizations.Count == 0)
        {
            Fail("Input.Organizations", Text["Error.OrganizationsRequired"]);
        }
        else if (organizations.Count > StakeholderEngagement.MaxOrganizations)
        {
            Fail("Input.Organizations", Text["Error.OrganizationsTooMany", StakeholderEngagement.MaxOrganizations]);
        }
        else if (organizations.FirstOrDefault(o => o.Length > StakeholderNames.MaxLength) is { } tooLong)
        {
            Fail("Input.Organizations", Text["Error.OrganizationTooLong", StakeholderNames.MaxLength]);
        }

        var types = new List<StakeholderType>();
        foreach (var code in Input.Types.Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            if (ActionSchedule.TryParse<StakeholderType>(code, out var type))
            {
                if (!types.Contains(type))
                {
                    types.Add(type);
                }
            }
            else
            {
                Fail("Input.Types", Text["Error.ChoiceInvalid", Text["Field.Types"]]);
                break;
            }
        }

        if (types.Count == 0 && ErrorOf("Input.Types") is null)
        {
            Fail("Input.Types", Text["Error.TypesRequired"]);
        }

        var region = Choose<StakeholderRegion>("Input.Region", Text["Field.Region"], Input.Region);
        string? country = null;
        if (!string.IsNullOrWhiteSpace(Input.Country))
        {
            if (Country.TryParse(Input.Country, out var parsed))
            {
                country = parsed.Alpha2;
            }
            else
            {
                Fail("Input.Country", Text["Error.CountryInvalid", Input.Country.Trim()]);
            }
        }

        var topics = RequiredText("Input.Topics", Text["Field.Topics"], Input.Topics, StakeholderEngagement.TopicsMaxLength);
        var issues = ChosenIssues("Input.Issues", Text["Field.Issues"], Input.Issues, IssueChoices);
        var changed = OptionalText("Input.DecisionsChanged", Text["Field.DecisionsChanged"], Input.DecisionsChanged, StakeholderEngagement.TextMaxLength);
        var followUps = OptionalText("Input.FollowUps", Text["Field.FollowUps"], Input.FollowUps, StakeholderEngagement.TextMaxLength);
        var followUpDue = OptionalDate("Input.FollowUpDueOn", Text["Field.FollowUpDueOn"], Input.FollowUpDueOn);
        if (followUpDue is not null && followUps.Length == 0)
        {
            Fail("Input.FollowUps", Text["Error.FollowUpsRequired"]);
        }

        if (!ModelState.IsValid)
        {
            ModelState.AddModelError("", Text["Error.NothingSaved"]);
            return null;
        }

        engagement.HeldOn = heldOn;
        engagement.Format = format;
        engagement.StakeholderTypes = string.Join(',', types.Order());
        engagement.Region = region;
        engagement.CountryCode = country;
        engagement.GlobalSouth = StakeholderRegions.IsGlobalSouth(region, country);
        engagement.Topics = topics;
        engagement.DecisionsChanged = changed;
        engagement.FollowUps = followUps;
        engagement.FollowUpDueOn = followUpDue;
        engagement.UpdatedAt = Now;
        return (organizations, issues);
    }

    /// <summary>Makes the engagement's organizations and issues the form's, in the same save as the engagement and its audit entry.</summary>
    protected async Task StoreLinksAsync(StakeholderEngagement engagement, IReadOnlyList<string> organizations, List<Guid> issues, CancellationToken cancellationToken)
    {
        var wanted = organizations.Select((name, i) => (Name: name, Key: StakeholderNames.Normalize(name), Position: i)).ToList();
        var parties = await Db.StakeholderEngagementParties.Where(p => p.EngagementId == engagement.Id).ToListAsync(cancellationToken);
        Db.StakeholderEngagementParties.RemoveRange(parties.Where(p => wanted.All(w => w.Key != p.NormalizedName)));
        foreach (var (name, key, position) in wanted)
        {
            if (parties.FirstOrDefault(p => p.NormalizedName == key) is { } existing)
            {
                (existing.Name, existing.Position) = (name, position);
            }
            else
            {
                Db.StakeholderEngagementParties.Add(new StakeholderEngagementParty
                {
                    OrganizationId = OrganizationId,
                    EngagementId = engagement.Id,
                    Position = position,
                    Name = name,
                    NormalizedName = key,
                });
            }
        }

        var links = await Db.StakeholderEngagementIssues.Where(l => l.EngagementId == engagement.Id).ToListAsync(cancellationToken);
        Db.StakeholderEngagementIssues.RemoveRange(links.Where(l => !issues.Contains(l.SalientIssueId)));
        Db.StakeholderEngagementIssues.AddRange(issues.Where(i => links.All(l => l.SalientIssueId != i))
            .Select(i => new StakeholderEngagementIssue { OrganizationId = OrganizationId, EngagementId = engagement.Id, SalientIssueId = i }));
    }

    /// <summary>The audit summary: date, format, region, counts — never the names of the organizations or what they said.</summary>
    protected static string Terms(StakeholderEngagement e, int organizations, int issues) =>
        $"{Date(e.HeldOn)}, {ActionSchedule.Code(e.Format)}, {ActionSchedule.Code(e.Region)}{(e.CountryCode is { } c ? $"/{c}" : "")}"
        + $"{(e.GlobalSouth ? ", Global South" : "")}, {organizations} organization(s), {issues} salient issue(s)";
}
