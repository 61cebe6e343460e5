using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Remedy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Remedy;

/// <summary>
/// The case-management half of the case page: workflow steps, triage, internal notes, referrals and remedy outcomes.
/// Each post is one command with one audit entry naming the case and the change, never its content.
/// </summary>
public sealed partial class CaseDetailModel
{
    public sealed class ReferralInput
    {
        public Guid? Id { get; set; }

        public string? Mechanism { get; set; }

        public string? Mode { get; set; }

        public string? Status { get; set; }

        public string? Details { get; set; }
    }

    public sealed class OutcomeInput
    {
        public string? Type { get; set; }

        public string? On { get; set; }

        public string? Description { get; set; }
    }

    public CaseHandling Handling => handling;

    public CaseHandling.Workflow Workflow { get; private set; } = null!;

    public IReadOnlyList<(Guid Id, string Name)> Companies { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Label)> SalientImpacts { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Label)> SalientIssues { get; private set; } = [];

    /// <summary>Product names already used in the salient issues register and on cases, offered as suggestions.</summary>
    public IReadOnlyList<string> KnownProducts { get; private set; } = [];

    [BindProperty]
    public string? Step { get; set; }

    [BindProperty]
    public string? NoRemedyReason { get; set; }

    [BindProperty]
    public CaseTriageForm Triage { get; set; } = new();

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public ReferralInput Referral { get; set; } = new();

    [BindProperty]
    public OutcomeInput Outcome { get; set; } = new();

    private bool keepTriageInput;

    /// <summary>Whether the triage form shows a victim profile taken from the reporter's answers, not saved yet.</summary>
    public bool ProfileSuggested { get; private set; }

    /// <summary>The steps offered as plain buttons; referring and closing have their own forms.</summary>
    public IEnumerable<CaseAction> ButtonSteps =>
        CaseWorkflow.AllowedFrom(Case.Status).Where(a => a is not (CaseAction.Refer or CaseAction.Close));

    public Task<IActionResult> OnPostStepAsync(Guid id, CancellationToken cancellationToken) =>
        WithKeyAsync(id, async key =>
        {
            ModelState.Clear();
            if (!EnumInput.TryParse<CaseAction>(Step, out var action) || action is CaseAction.Refer or CaseAction.Close)
            {
                // Referring and closing need what their forms ask for (a referral, an outcome statement).
                return await RefusedAsync(key, "Workflow.StepInvalid", cancellationToken, StatusCodes.Status400BadRequest);
            }

            return await TransitionAsync(action, key, cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken cancellationToken) =>
        WithKeyAsync(id, async key =>
        {
            ModelState.Clear();
            var transition = CaseWorkflow.TryApply(Case.Status, CaseAction.Close, handling.Today);
            if (transition is null)
            {
                return await RefusedAsync(key, "Workflow.NotAllowed", cancellationToken);
            }

            var outcomes = await db.CaseRemedyOutcomes.CountAsync(o => o.CaseId == Case.Id, cancellationToken);
            var reason = NoRemedyReason?.Trim() ?? "";
            var error = reason.Length > CaseRemedyOutcome.DescriptionMaxLength ? "Validation.TooLong"
                : outcomes > 0 && reason.Length > 0 ? "Workflow.ReasonWithOutcomes"
                : !CaseWorkflow.CanCloseWith(outcomes, reason.Length > 0) ? "Workflow.OutcomeRequired"
                : null;
            if (error is not null)
            {
                return await InvalidFieldAsync(nameof(NoRemedyReason), error, key, cancellationToken);
            }

            if (reason.Length > 0)
            {
                Case.NoRemedyReason = CaseContent.Seal(key, ContentPurpose.NoRemedyReason, reason);
            }

            return await ApplyAsync(transition, key, outcomes > 0 ? $"{outcomes} remedy outcome(s)" : "no remedy, reason given", cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostTriageAsync(Guid id, CancellationToken cancellationToken) =>
        WithKeyAsync(id, async key =>
        {
            ModelState.Clear();
            var targets = new CaseTriageForm.TriageTargets(
                (await handling.CompaniesAsync(cancellationToken)).Select(c => c.Id).ToHashSet(),
                (await handling.SalientImpactsAsync(cancellationToken)).Select(i => i.Id).ToHashSet(),
                (await handling.SalientIssuesAsync(cancellationToken)).Select(i => i.Id).ToHashSet());
            var errors = Triage.ApplyTo(Case, handling.Rights, handling.Groups, targets);
            if (errors.Count > 0)
            {
                foreach (var error in errors)
                {
                    ModelState.AddModelError($"{nameof(Triage)}.{error.Field}", text[error.Key]);
                }

                keepTriageInput = true;
                await ReadAsync(key, cancellationToken);
                return this.InvalidForm();
            }

            var summary = string.Create(CultureInfo.InvariantCulture,
                $"triage: category {Case.Category?.ToString() ?? "-"}, urgency {Case.Urgency}, defender {Case.Defender}, {Case.Rights.Count} right(s), {Case.Groups.Count} group(s), country {Case.Country ?? "-"}, company {(Case.CompanyId is null ? "-" : "linked")}, salient issue {(Case.SalientIssueId is null ? "-" : "linked")}, product {(Case.Product is null ? "-" : "named")}, victim profile {new object?[] { Case.Perpetrator, Case.VictimSex, Case.VictimAgeBand }.Count(v => v is not null)} of 3 set, {Case.ViolationTypes.Count} violation type(s)");
            return await SaveStepAsync("case.triaged", summary, "triaged", key, cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostNoteAsync(Guid id, CancellationToken cancellationToken) =>
        WithKeyAsync(id, async key =>
        {
            ModelState.Clear();
            var note = Note?.Trim() ?? "";
            if (note.Length is 0 or > CaseNote.MaxLength)
            {
                return await InvalidFieldAsync(nameof(Note), note.Length == 0 ? "Validation.Required" : "Validation.TooLong", key, cancellationToken);
            }

            var row = new CaseNote { OrganizationId = Case.OrganizationId, CaseId = Case.Id, AuthorUserId = context.Membership!.UserId, WrittenOn = handling.Today, Body = [] };
            row.Body = CaseContent.Seal(key, row.Purpose, note);
            db.CaseNotes.Add(row);
            return await SaveStepAsync("case.note-added", "internal note added", "noted", key, cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostReferAsync(Guid id, CancellationToken cancellationToken) =>
        WithKeyAsync(id, async key =>
        {
            ModelState.Clear();
            if (!CaseWorkflow.CanRecordReferral(Case.Status))
            {
                return await RefusedAsync(key, "Referral.NotNow", cancellationToken);
            }

            var mechanism = Parse<ReferralMechanism>(Referral.Mechanism, "Referral.Mechanism", "Referral.MechanismInvalid");
            var mode = Parse<ReferralMode>(Referral.Mode, "Referral.Mode", "Referral.ModeInvalid");
            var status = Parse<ReferralStatus>(Referral.Status, "Referral.Status", "Referral.StatusInvalid");
            var details = Referral.Details?.Trim() ?? "";
            if (details.Length > CaseReferral.DetailsMaxLength)
            {
                ModelState.AddModelError("Referral.Details", text["Validation.TooLong"]);
            }

            if (!ModelState.IsValid)
            {
                await ReadAsync(key, cancellationToken);
                return this.InvalidForm();
            }

            var referral = new CaseReferral
            {
                OrganizationId = Case.OrganizationId,
                CaseId = Case.Id,
                Mechanism = mechanism,
                Mode = mode,
                Status = status,
                RecordedOn = handling.Today,
                StatusOn = handling.Today,
                Details = [],
            };
            referral.Details = CaseContent.Seal(key, referral.Purpose, details);
            db.CaseReferrals.Add(referral);
            var summary = $"referral to {mechanism} ({mode}), {status}";
            if (Case.Status != CaseStatus.Referred)
            {
                // Referring is the step to "referred" (issue 5): recorded with the referral, as one command.
                var transition = CaseWorkflow.TryApply(Case.Status, CaseAction.Refer, handling.Today)!;
                Case.Apply(transition);
                AddStep(transition);
                summary += $"; {Name(transition.From)} → {Name(transition.To)}";
            }

            return await SaveStepAsync("case.referred", summary, "referred", key, cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostReferralAsync(Guid id, CancellationToken cancellationToken) =>
        WithKeyAsync(id, async key =>
        {
            ModelState.Clear();
            var referral = Referral.Id is { } referralId
                ? await db.CaseReferrals.FirstOrDefaultAsync(r => r.Id == referralId && r.CaseId == Case.Id, cancellationToken)
                : null;
            if (referral is null)
            {
                return NotFound();
            }

            var status = Parse<ReferralStatus>(Referral.Status, "Referral.Status", "Referral.StatusInvalid");
            var details = Referral.Details?.Trim() ?? "";
            if (details.Length > CaseReferral.DetailsMaxLength)
            {
                ModelState.AddModelError("Referral.Details", text["Validation.TooLong"]);
            }

            if (!ModelState.IsValid)
            {
                await ReadAsync(key, cancellationToken);
                return this.InvalidForm();
            }

            var before = referral.Status;
            if (status != before)
            {
                referral.Status = status;
                referral.StatusOn = handling.Today;
            }

            referral.Details = CaseContent.Seal(key, referral.Purpose, details);
            referral.ConcurrencyToken = Guid.NewGuid();
            return await SaveStepAsync("case.referral-updated", $"referral to {referral.Mechanism}: {before} → {status}", "referral-updated", key, cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostOutcomeAsync(Guid id, CancellationToken cancellationToken) =>
        WithKeyAsync(id, async key =>
        {
            ModelState.Clear();
            if (!CaseWorkflow.IsOpen(Case.Status))
            {
                return await RefusedAsync(key, "Outcome.Closed", cancellationToken);
            }

            var type = Parse<RemedyType>(Outcome.Type, "Outcome.Type", "Outcome.TypeInvalid");
            if (!DateOnly.TryParseExact(Outcome.On?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on)
                || on > handling.Today.AddYears(1) || on < new DateOnly(2000, 1, 1))
            {
                ModelState.AddModelError("Outcome.On", text["Outcome.DateInvalid"]);
            }

            var description = Outcome.Description?.Trim() ?? "";
            if (description.Length is 0 or > CaseRemedyOutcome.DescriptionMaxLength)
            {
                ModelState.AddModelError("Outcome.Description", text[description.Length == 0 ? "Validation.Required" : "Validation.TooLong"]);
            }

            if (!ModelState.IsValid)
            {
                await ReadAsync(key, cancellationToken);
                return this.InvalidForm();
            }

            var outcome = new CaseRemedyOutcome
            {
                OrganizationId = Case.OrganizationId,
                CaseId = Case.Id,
                Type = type,
                On = on,
                RecordedByUserId = context.Membership!.UserId,
                Description = [],
            };
            outcome.Description = CaseContent.Seal(key, outcome.Purpose, description);
            db.CaseRemedyOutcomes.Add(outcome);
            return await SaveStepAsync("case.outcome-recorded", $"remedy outcome {type}", "outcome", key, cancellationToken);
        }, cancellationToken);

    public static string Name(CaseStatus status) => status switch
    {
        CaseStatus.UnderAssessment => "under assessment",
        CaseStatus.RemedyProposed => "remedy proposed",
        _ => status.ToString().ToLowerInvariant(),
    };

    private async Task ReadWorkflowAsync(CaseKey key, CancellationToken cancellationToken)
    {
        Workflow = await handling.ReadAsync(Case, key, cancellationToken);
        Companies = await handling.CompaniesAsync(cancellationToken);
        SalientImpacts = await handling.SalientImpactsAsync(cancellationToken);
        SalientIssues = await handling.SalientIssuesAsync(cancellationToken);
        KnownProducts = await handling.KnownProductsAsync(cancellationToken);
        if (!keepTriageInput)
        {
            Triage = CaseTriageForm.From(Case);
            // Only before the first triage: once saved, a profile left not set is the handler's choice.
            ProfileSuggested = Case.Category is null && Triage.SuggestProfileFrom(Report.Answers);
        }
    }

    private async Task<IActionResult> TransitionAsync(CaseAction action, CaseKey key, CancellationToken cancellationToken)
    {
        var transition = CaseWorkflow.TryApply(Case.Status, action, handling.Today);
        return transition is null
            ? await RefusedAsync(key, "Workflow.NotAllowed", cancellationToken)
            : await ApplyAsync(transition, key, null, cancellationToken);
    }

    private async Task<IActionResult> ApplyAsync(CaseTransition transition, CaseKey key, string? detail, CancellationToken cancellationToken)
    {
        Case.Apply(transition);
        AddStep(transition);
        await RescheduleCheckInsAsync(transition, cancellationToken);
        var summary = $"{Name(transition.From)} → {Name(transition.To)}" + (detail is null ? "" : $" ({detail})");
        var action = transition.Action switch
        {
            CaseAction.Acknowledge => "case.acknowledged",
            CaseAction.StartAssessment => "case.assessment-started",
            CaseAction.Investigate => "case.investigation-started",
            CaseAction.ProposeRemedy => "case.remedy-proposed",
            CaseAction.Close => "case.closed",
            CaseAction.Reopen => "case.reopened",
            _ => "case.referred",
        };
        var done = transition.Action switch
        {
            CaseAction.Acknowledge => "acknowledged",
            CaseAction.Close => "closed",
            _ => "step",
        };
        return await SaveStepAsync(action, summary, done, key, cancellationToken);
    }

    private void AddStep(CaseTransition transition) =>
        db.CaseSteps.Add(new CaseStep
        {
            OrganizationId = Case.OrganizationId,
            CaseId = Case.Id,
            From = transition.From,
            Action = transition.Action,
            To = transition.To,
            On = transition.On,
            ByUserId = context.Membership!.UserId,
        });

    private async Task<IActionResult> InvalidFieldAsync(string field, string message, CaseKey key, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(field, text[message]);
        await ReadAsync(key, cancellationToken);
        return this.InvalidForm();
    }

    private TEnum Parse<TEnum>(string? value, string field, string message)
        where TEnum : struct, Enum
    {
        if (EnumInput.TryParse<TEnum>(value, out var parsed))
        {
            return parsed;
        }

        ModelState.AddModelError(field, text[message]);
        return default;
    }
}
