using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Remedy;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Remedy;

/// <summary>
/// Owners change a channel's service levels: days to acknowledge a case, months to give the reporter feedback. Due
/// days of open cases follow the new values at once (they are computed, not stored); reminders already made keep
/// the day they named.
/// </summary>
[RequirePermission(Permission.ManageChannels)]
public sealed class ChannelServiceLevelsModel(RightscopeDbContext db, OrganizationContext context, AuditTrail audit, IStringLocalizer<RemedyText> text) : PageModel
{
    public string Slug => context.Current.Slug;

    public Channel Channel { get; private set; } = null!;

    [BindProperty]
    public string? AcknowledgeDays { get; set; }

    [BindProperty]
    public string? FeedbackMonths { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.Channels.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } channel)
        {
            return NotFound();
        }

        Channel = channel;
        AcknowledgeDays = channel.AcknowledgeDays.ToString(System.Globalization.CultureInfo.InvariantCulture);
        FeedbackMonths = channel.FeedbackMonths.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await db.Channels.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } channel)
        {
            return NotFound();
        }

        Channel = channel;
        var acknowledge = ServiceLevelInput.Parse(AcknowledgeDays);
        var feedback = ServiceLevelInput.Parse(FeedbackMonths);
        ServiceLevelInput.Validate(ModelState, text, nameof(AcknowledgeDays), acknowledge, nameof(FeedbackMonths), feedback);
        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        var before = $"{channel.AcknowledgeDays} days / {channel.FeedbackMonths} months";
        channel.AcknowledgeDays = acknowledge!.Value;
        channel.FeedbackMonths = feedback!.Value;
        await audit.SaveChangesAsync(
            new AuditRecord(context.Current.Id, AuditActor.SignedIn(User), "channel.service-levels-changed", "channel", channel.Id.ToString("N"),
                $"channel {channel.Slug}: acknowledgement / feedback {before} → {channel.AcknowledgeDays} days / {channel.FeedbackMonths} months"),
            cancellationToken);
        return Redirect($"/o/{Slug}/channels?updated={channel.Slug}");
    }
}

/// <summary>Reads and checks the two service-level fields of the channel forms, with errors tied to their fields.</summary>
public static class ServiceLevelInput
{
    public static int? Parse(string? value) =>
        int.TryParse(value?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null;

    public static void Validate(
        Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, IStringLocalizer<RemedyText> text, string acknowledgeField, int? acknowledge, string feedbackField, int? feedback)
    {
        if (acknowledge is not { } days || !ServiceLevel.IsValidAcknowledgeDays(days))
        {
            state.AddModelError(acknowledgeField, text["Sla.AcknowledgeDaysRange", ServiceLevel.MinAcknowledgeDays, ServiceLevel.MaxAcknowledgeDays]);
        }

        if (feedback is not { } months || !ServiceLevel.IsValidFeedbackMonths(months))
        {
            state.AddModelError(feedbackField, text["Sla.FeedbackMonthsRange", ServiceLevel.MinFeedbackMonths, ServiceLevel.MaxFeedbackMonths]);
        }
    }
}

/// <summary>What the shared service-level fields partial shows: names, values and errors of the two inputs.</summary>
public sealed record ServiceLevelFields(string AcknowledgeName, string? AcknowledgeValue, string? AcknowledgeError, string FeedbackName, string? FeedbackValue, string? FeedbackError);
