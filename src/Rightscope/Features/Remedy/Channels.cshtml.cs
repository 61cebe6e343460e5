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
/// their content. Recipients are chosen among case handlers who have created their case keys, when the channel is
/// created and afterwards: a recipient added later receives new cases only (each case key is sealed per recipient, and
/// the owner cannot open it), so a current recipient shares existing cases from the case page; a recipient removed
/// loses their sealed case keys of the channel, unless that would leave a case nobody can open.
/// </summary>
[RequirePermission(Permission.ManageChannels)]
public sealed class ChannelsModel(
    RightscopeDbContext db,
    OrganizationContext context,
    AuditTrail audit,
    RecipientAccess access,
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

    /// <summary>A recipient row of a channel; <paramref name="Usable"/> is false when they no longer handle cases or have no keys.</summary>
    public sealed record Recipient(Guid ChannelId, Guid UserId, string DisplayName, string Email, bool Usable);

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

    public IReadOnlyList<Recipient> Recipients { get; private set; } = [];

    /// <summary>The outcome of the last recipient change, shown after the redirect.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    /// <summary>The key of a channel's recipient errors, and the id of its recipients section.</summary>
    public static string RecipientsField(Guid channelId) => $"recipients-{channelId:N}";

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
            ReceiptCost = settings.ReceiptCost.ToDescriptor(),
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

    public async Task<IActionResult> OnPostAddRecipientAsync(Guid channelId, Guid? person, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var channel = await db.Channels.FirstOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        if (channel is null)
        {
            return NotFound();
        }

        await LoadAsync(cancellationToken);
        var candidate = Candidates.FirstOrDefault(c => c.UserId == person);
        if (candidate is null || Recipients.Any(r => r.ChannelId == channelId && r.UserId == candidate.UserId))
        {
            ModelState.AddModelError(RecipientsField(channelId), text["Channels.AddInvalid"]);
            return this.InvalidForm();
        }

        db.ChannelRecipients.Add(new ChannelRecipient { OrganizationId = channel.OrganizationId, ChannelId = channel.Id, UserId = candidate.UserId });
        await audit.SaveChangesAsync(
            new AuditRecord(context.Current.Id, AuditActor.SignedIn(User), "channel.recipient-added", "channel", channel.Id.ToString("N"),
                $"channel {channel.Slug}: recipient {candidate.UserId:N} added (new cases only; existing cases are shared by a recipient)"),
            cancellationToken);
        return Redirect($"/o/{Slug}/channels?done=recipient-added#{RecipientsField(channel.Id)}");
    }

    public async Task<IActionResult> OnPostRemoveRecipientAsync(Guid channelId, Guid? person, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var channel = await db.Channels.FirstOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        if (channel is null)
        {
            return NotFound();
        }

        if (person is not { } userId || !await db.ChannelRecipients.AnyAsync(r => r.ChannelId == channelId && r.UserId == userId, cancellationToken))
        {
            await LoadAsync(cancellationToken);
            ModelState.AddModelError(RecipientsField(channelId), text["Channels.RemoveInvalid"]);
            return this.InvalidForm();
        }

        var unreadable = await access.OnlyOpenedByAsync(userId, channelId, cancellationToken);
        if (unreadable.Count > 0)
        {
            // Their envelope is the only way into these cases: deleting it would destroy them.
            await LoadAsync(cancellationToken);
            ModelState.AddModelError(RecipientsField(channelId), text["Channels.RemoveLast", string.Join(", ", unreadable)]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var revoked = await access.RevokeAsync(userId, channelId, cancellationToken);
        await audit.SaveChangesAsync(
            new AuditRecord(context.Current.Id, AuditActor.SignedIn(User), "channel.recipient-removed", "channel", channel.Id.ToString("N"),
                $"channel {channel.Slug}: recipient {userId:N} removed; {RecipientAccess.Describe(revoked)}"),
            cancellationToken);
        return Redirect($"/o/{Slug}/channels?done=recipient-removed#{RecipientsField(channel.Id)}");
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
        var recipientRows = await (
                from recipient in db.ChannelRecipients
                join user in db.Users on recipient.UserId equals user.Id
                select new
                {
                    recipient.ChannelId,
                    recipient.UserId,
                    user.DisplayName,
                    user.Email,
                    Usable = db.HandlerKeys.Any(k => k.UserId == recipient.UserId)
                        && db.Memberships.Any(m => m.UserId == recipient.UserId && m.Role == Role.CaseHandler),
                })
            .ToListAsync(cancellationToken);
        Recipients = [.. recipientRows
            .Select(r => new Recipient(r.ChannelId, r.UserId, r.DisplayName, r.Email ?? "", r.Usable))
            .OrderBy(r => r.Email, StringComparer.OrdinalIgnoreCase)];
    }
}
