using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Assessments;
using Rightscope.Core.Methodologies;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Engagements;

public sealed class ObjectiveForm
{
    public string? Description { get; set; }
}

public sealed class MilestoneForm
{
    public string? Deadline { get; set; }

    public string? Description { get; set; }
}

public sealed class InteractionForm
{
    public string? OccurredOn { get; set; }

    public string? Type { get; set; }

    public string? Participants { get; set; }

    public string? Summary { get; set; }
}

public sealed class EscalationForm
{
    public string? Step { get; set; }

    public string? Reason { get; set; }
}

public sealed class ClosingForm
{
    public string? Outcome { get; set; }

    public string? Note { get; set; }

    public string? ClosedOn { get; set; }
}

/// <summary>
/// One engagement: objectives, milestones (overdue ones flagged), the escalation ladder with its history, the
/// interactions log, and the forms that change them. Every form posts here with a <c>do</c> field naming the
/// command; reading needs <see cref="Permission.ReadWorkspace"/>, every command <see cref="Permission.EditWorkspace"/>.
/// </summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class EngagementDetailModel(
    EngagementQueries queries,
    EngagementCommands commands,
    EngagementAssessments assessments,
    OrganizationContext context,
    IStringLocalizer<EngagementsText> text) : PageModel
{
    public const string ObjectiveCommand = "objective";
    public const string ObjectiveStatusCommand = "objective-status";
    public const string MilestoneCommand = "milestone";
    public const string MilestoneStatusCommand = "milestone-status";
    public const string InteractionCommand = "interaction";
    public const string EscalateCommand = "escalate";
    public const string CloseCommand = "close";

    [BindProperty(Name = "do")]
    public string? Do { get; set; }

    [BindProperty]
    public Guid? Version { get; set; }

    [BindProperty]
    public Guid? TargetId { get; set; }

    [BindProperty]
    public string? Status { get; set; }

    [BindProperty]
    public ObjectiveForm Objective { get; set; } = new();

    [BindProperty]
    public MilestoneForm Milestone { get; set; } = new();

    [BindProperty]
    public InteractionForm Interaction { get; set; } = new();

    [BindProperty]
    public EscalationForm Escalation { get; set; } = new();

    [BindProperty]
    public ClosingForm Closing { get; set; } = new();

    public string Slug => context.Current.Slug;

    public bool CanEdit => context.Allows(Permission.EditWorkspace);

    public EngagementView View { get; private set; } = null!;

    /// <summary>The rested-on assessment as it is now; null when there is none or its methodology version is gone.</summary>
    public LoadedAssessment? Assessment { get; private set; }

    /// <summary>A closed engagement whose assessment is still the approved one offers to re-assess the company.</summary>
    public bool OffersReassessment =>
        View.Engagement.Status == Core.Engagements.EngagementStatus.Closed && Assessment?.Assessment.Status == AssessmentStatus.Approved && CanEdit;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var actor = new CommandActor(context.Current.Id, context.Membership!.UserId, AuditActor.SignedIn(User));
        var (outcome, prefix, anchor) = Do switch
        {
            ObjectiveCommand => (await commands.AddObjectiveAsync(actor, id, Objective.Description, cancellationToken), nameof(Objective), "objectives"),
            ObjectiveStatusCommand => (await commands.SetObjectiveStatusAsync(actor, id, TargetId ?? Guid.Empty, Status, cancellationToken), "", "objectives"),
            MilestoneCommand => (await commands.AddMilestoneAsync(actor, id, new MilestoneInput(Milestone.Deadline, Milestone.Description), cancellationToken), nameof(Milestone), "milestones"),
            MilestoneStatusCommand => (await commands.SetMilestoneStatusAsync(actor, id, TargetId ?? Guid.Empty, Status, cancellationToken), "", "milestones"),
            InteractionCommand => (await commands.AddInteractionAsync(actor, id, new InteractionInput(Interaction.OccurredOn, Interaction.Type, Interaction.Participants, Interaction.Summary), cancellationToken), nameof(Interaction), "interactions"),
            EscalateCommand => (await commands.EscalateAsync(actor, id, Version ?? Guid.Empty, new EscalationInput(Escalation.Step, Escalation.Reason), cancellationToken), nameof(Escalation), "ladder"),
            CloseCommand => (await commands.CloseAsync(actor, id, Version ?? Guid.Empty, new CloseInput(Closing.Outcome, Closing.Note, Closing.ClosedOn), cancellationToken), nameof(Closing), "close"),
            _ => (null, "", ""),
        };

        if (outcome is null)
        {
            ModelState.AddModelError("", text["Form.UnknownCommand"]);
            return this.InvalidForm();
        }

        switch (outcome.Status)
        {
            case CommandStatus.Done:
                return Redirect($"/o/{Slug}/engagements/{id}#{anchor}");
            case CommandStatus.NotFound:
                return NotFound();
            case CommandStatus.Conflict:
                ModelState.AddModelError("", outcome.Message!);
                await LoadAsync(id, cancellationToken);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            case CommandStatus.Refused:
                ModelState.AddModelError("", outcome.Message!);
                return this.InvalidForm();
            default:
                ModelState.AddModelError("", outcome.Message!);
                foreach (var (key, messages) in outcome.Errors)
                {
                    ModelState.AddModelError(Field(prefix, key), string.Join(" ", messages));
                }

                return this.InvalidForm();
        }
    }

    /// <summary>The question an objective came from, in the reader's language, with its section; null for a written objective.</summary>
    public (string Question, string Section)? Source(EngagementObjective objective)
    {
        if (objective.ItemKey is null || Assessment is null)
        {
            return null;
        }

        var language = Methodologies.MethodologyLanguage.Current;
        foreach (var section in Assessment.Methodology.Structure)
        {
            if (section.DescendantsAndSelf().FirstOrDefault(n => n.IsItem && n.Key == objective.ItemKey) is Node item)
            {
                return (item.Title.In(language), section.Title.In(language));
            }
        }

        return null;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var view = await queries.LoadAsync(id, cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        Assessment = view.Engagement.AssessmentId is { } assessmentId ? await assessments.LoadAsync(assessmentId, cancellationToken) : null;
        return true;
    }

    private static string Field(string prefix, string key) =>
        prefix.Length == 0 || key.Length == 0 ? key : $"{prefix}.{char.ToUpperInvariant(key[0])}{key[1..]}";
}
