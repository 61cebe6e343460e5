using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Organizations;
using Rightscope.Core.Remedy;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Remedy;

/// <summary>
/// Owners list and create the organization's public channels. Owners see how many cases each channel has, never
/// their content. Recipients are chosen among case handlers who have created their case keys.
/// </summary>
[RequirePermission(Permission.ManageChannels)]
public sealed class ChannelsModel(
    RightscopeDbContext db,
    OrganizationContext context,
    AuditTrail audit,
    RemedySettings settings,
    TimeProvider clock,
    IStringLocalizer<RemedyText> text,
    CaseDeadlineSettings serviceLevels) : PageModel
{
    /// <summary>A channel with its usable recipients (current case handlers with keys); with none it accepts no reports.</summary>
    public sealed record ChannelRow(Channel Channel, int Recipients, IReadOnlyDictionary<CaseStatus, int> Cases)
    {
        public bool Accepting => Recipients > 0;
    }

    public sealed record Candidate(Guid UserId, string DisplayName, string Email);

    public sealed class InputModel
    {
        public string Slug { get; set; } = "";

        public string NameEn { get; set; } = "";

        public string NameZh { get; set; } = "";

        public string IntroEn { get; set; } = "";

        public string IntroZh { get; set; } = "";

        public string Questionnaire { get; set; } = QuestionnaireKind.General.ToCode();

        public int RetentionDays { get; set; } = 365;

        public List<Guid> Recipients { get; set; } = [];

        /// <summary>Empty means the organization's default (<c>Remedy:Sla:*</c>).</summary>
        public string? AcknowledgeDays { get; set; }

        public string? FeedbackMonths { get; set; }
    }

    public string Slug => context.Current.Slug;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Created { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Updated { get; set; }

    public IReadOnlyList<ChannelRow> Channels { get; private set; } = [];

    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.AcknowledgeDays = serviceLevels.Default.AcknowledgeDays.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Input.FeedbackMonths = serviceLevels.Default.FeedbackMonths.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadAsync(cancellationToken);
        var slug = Input.Slug.Trim().ToLowerInvariant();
        if (OrganizationSlug.Validate(slug) is { } problem)
        {
            ModelState.AddModelError("Input.Slug", text[$"Channels.Slug.{problem}"]);
        }
        else if (await db.Channels.IgnoreQueryFilters().AnyAsync(c => c.Slug == slug, cancellationToken))
        {
            ModelState.AddModelError("Input.Slug", text["Channels.Slug.Taken"]);
        }

        Require("Input.NameEn", Input.NameEn, Channel.NameMaxLength);
        Require("Input.NameZh", Input.NameZh, Channel.NameMaxLength);
        Limit("Input.IntroEn", Input.IntroEn, Channel.IntroMaxLength);
        Limit("Input.IntroZh", Input.IntroZh, Channel.IntroMaxLength);
        if (!QuestionnaireKinds.TryParse(Input.Questionnaire, out var kind))
        {
            ModelState.AddModelError("Input.Questionnaire", text["Validation.Choice"]);
        }

        if (Input.RetentionDays is < Channel.MinRetentionDays or > Channel.MaxRetentionDays)
        {
            ModelState.AddModelError("Input.RetentionDays", text["Channels.RetentionRange", Channel.MinRetentionDays, Channel.MaxRetentionDays]);
        }

        var acknowledgeDays = string.IsNullOrWhiteSpace(Input.AcknowledgeDays) ? serviceLevels.Default.AcknowledgeDays : ServiceLevelInput.Parse(Input.AcknowledgeDays);
        var feedbackMonths = string.IsNullOrWhiteSpace(Input.FeedbackMonths) ? serviceLevels.Default.FeedbackMonths : ServiceLevelInput.Parse(Input.FeedbackMonths);
        ServiceLevelInput.Validate(ModelState, text, "Input.AcknowledgeDays", acknowledgeDays, "Input.FeedbackMonths", feedbackMonths);

        var recipients = Input.Recipients.Distinct().ToList();
        if (recipients.Count == 0 || recipients.Any(id => Candidates.All(c => c.UserId != id)))
        {
            ModelState.AddModelError("Input.Recipients", text["Channels.RecipientsRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        var channel = new Channel
        {
            OrganizationId = context.Current.Id,
            Slug = slug,
            NameEn = Input.NameEn.Trim(),
            NameZh = Input.NameZh.Trim(),
            IntroEn = Input.IntroEn.Trim(),
            IntroZh = Input.IntroZh.Trim(),
            Questionnaire = kind,
            RetentionDays = Input.RetentionDays,
            AcknowledgeDays = acknowledgeDays!.Value,
            FeedbackMonths = feedbackMonths!.Value,
            ReceiptSalt = ReporterAccessKey.NewSalt(),
            ReceiptCost = settings.Cost.ToDescriptor(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Channels.Add(channel);
        foreach (var userId in recipients)
        {
            db.ChannelRecipients.Add(new ChannelRecipient { OrganizationId = channel.OrganizationId, ChannelId = channel.Id, UserId = userId });
        }

        try
        {
            await audit.SaveChangesAsync(
                new AuditRecord(context.Current.Id, AuditActor.SignedIn(User), "channel.created", "channel", channel.Id.ToString("N"),
                    $"channel {slug} ({kind.ToCode()}, retention {channel.RetentionDays} days, {recipients.Count} recipients, acknowledgement {channel.AcknowledgeDays} days, feedback {channel.FeedbackMonths} months)"),
                cancellationToken);
        }
        catch (DbUpdateException e) when (CaseIntake.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.Slug", text["Channels.Slug.Taken"]);
            return this.InvalidForm();
        }

        return Redirect($"/o/{Slug}/channels?created={slug}");
    }

    private void Require(string field, string value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(field, text["Validation.Required"]);
        }

        Limit(field, value, max);
    }

    private void Limit(string field, string value, int max)
    {
        if (value.Trim().Length > max)
        {
            ModelState.AddModelError(field, text["Validation.TooLong"]);
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var channels = await db.Channels.AsNoTracking().OrderBy(c => c.Slug).ToListAsync(cancellationToken);
        var recipientCounts = await (
                from recipient in db.ChannelRecipients
                join key in db.HandlerKeys on recipient.UserId equals key.UserId
                join membership in db.Memberships on recipient.UserId equals membership.UserId
                where membership.Role == Role.CaseHandler
                group recipient by recipient.ChannelId into g
                select new { g.Key, Count = g.Select(r => r.UserId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        var caseCounts = await db.Cases.GroupBy(c => new { c.ChannelId, c.Status }).Select(g => new { g.Key.ChannelId, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        Channels = channels.Select(c => new ChannelRow(
                c,
                recipientCounts.FirstOrDefault(r => r.Key == c.Id)?.Count ?? 0,
                caseCounts.Where(x => x.ChannelId == c.Id).ToDictionary(x => x.Status, x => x.Count)))
            .ToList();
        Candidates = await (
                from membership in db.Memberships
                join key in db.HandlerKeys on membership.UserId equals key.UserId
                where membership.Role == Role.CaseHandler
                orderby membership.User!.Email
                select new Candidate(membership.UserId, membership.User!.DisplayName, membership.User.Email ?? ""))
            .ToListAsync(cancellationToken);
    }
}
