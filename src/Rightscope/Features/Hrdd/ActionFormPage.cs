using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Hrdd;
using Rightscope.Data;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Hrdd;

/// <summary>The action form's fields (<c>_ActionFields</c>); codes as kebab-case (<c>in-progress</c>), dates YYYY-MM-DD.</summary>
public sealed class ActionForm
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Kind { get; set; }

    public string? RelationshipName { get; set; }

    public string? OwnerUserId { get; set; }

    public string? Function { get; set; }

    public string? FunctionOther { get; set; }

    public string? DueOn { get; set; }

    public string? Status { get; set; }

    public string? CompletedOn { get; set; }

    public List<string> Issues { get; set; } = [];

    /// <summary>The concurrency token the edit form was shown with.</summary>
    public Guid? Version { get; set; }

    public static ActionForm From(DueDiligenceAction a, IEnumerable<Guid> issues) => new()
    {
        Title = a.Title,
        Description = a.Description,
        Kind = ActionSchedule.Code(a.Kind),
        RelationshipName = a.RelationshipName,
        OwnerUserId = a.OwnerUserId?.ToString(),
        Function = ActionSchedule.Code(a.Function),
        FunctionOther = a.FunctionOther,
        DueOn = HrddTrackingPage.Date(a.DueOn),
        Status = ActionSchedule.Code(a.Status),
        CompletedOn = HrddTrackingPage.Date(a.CompletedOn),
        Issues = [.. issues.Select(i => i.ToString())],
        Version = a.ConcurrencyToken,
    };
}

/// <summary>What the new and edit action pages share: the choices offered and the validation of the form into an action.</summary>
public abstract class ActionFormPage(RightscopeDbContext db, OrganizationContext context, TimeProvider clock, IStringLocalizer<HrddTrackingText> text)
    : HrddTrackingPage(db, context, clock, text)
{
    [BindProperty]
    public ActionForm Input { get; set; } = new();

    public IReadOnlyList<Choice> Members { get; private set; } = [];

    public IReadOnlyList<Choice> IssueChoices { get; private set; } = [];

    protected async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Members = await MemberChoicesAsync(cancellationToken);
        IssueChoices = await IssueChoicesAsync(cancellationToken);
    }

    /// <summary>Validates the form into <paramref name="action"/>; returns the chosen issues, or null with field errors and the action untouched.</summary>
    protected List<Guid>? Apply(DueDiligenceAction action)
    {
        var title = RequiredText("Input.Title", Text["Field.Title"], Input.Title, DueDiligenceAction.TitleMaxLength);
        var description = OptionalText("Input.Description", Text["Field.Description"], Input.Description, DueDiligenceAction.DescriptionMaxLength);
        var kind = Choose<ActionKind>("Input.Kind", Text["Field.Kind"], Input.Kind);
        var relationship = OptionalText("Input.RelationshipName", Text["Field.Relationship"], Input.RelationshipName, DueDiligenceAction.RelationshipMaxLength);
        if (kind == ActionKind.Leverage && relationship.Length == 0 && ErrorOf("Input.Kind") is null)
        {
            Fail("Input.RelationshipName", Text["Error.RelationshipRequired"]);
        }

        Guid? owner = null;
        if (!string.IsNullOrWhiteSpace(Input.OwnerUserId))
        {
            if (Guid.TryParse(Input.OwnerUserId, out var ownerId) && Members.Any(m => m.Id == ownerId))
            {
                owner = ownerId;
            }
            else
            {
                Fail("Input.OwnerUserId", Text["Error.OwnerInvalid"]);
            }
        }

        var function = Choose<ActionFunction>("Input.Function", Text["Field.Function"], Input.Function);
        var functionOther = OptionalText("Input.FunctionOther", Text["Field.FunctionOther"], Input.FunctionOther, DueDiligenceAction.FunctionOtherMaxLength);
        if (function == ActionFunction.Other && functionOther.Length == 0 && ErrorOf("Input.Function") is null)
        {
            Fail("Input.FunctionOther", Text["Error.FunctionOtherRequired"]);
        }

        var due = RequiredDate("Input.DueOn", Text["Field.DueOn"], Input.DueOn);
        var status = Choose<ActionStatus>("Input.Status", Text["Field.Status"], Input.Status);
        var completed = OptionalDate("Input.CompletedOn", Text["Field.CompletedOn"], Input.CompletedOn);
        if (status == ActionStatus.Done && completed is null && ErrorOf("Input.CompletedOn") is null && ErrorOf("Input.Status") is null)
        {
            Fail("Input.CompletedOn", Text["Error.CompletedOnRequired"]);
        }
        else if (completed is { } on && on > Today)
        {
            Fail("Input.CompletedOn", Text["Error.CompletedOnFuture"]);
        }

        var issues = ChosenIssues("Input.Issues", Text["Field.Issues"], Input.Issues, IssueChoices);
        if (!ModelState.IsValid)
        {
            return null;
        }

        action.Title = title;
        action.Description = description;
        action.Kind = kind;
        action.RelationshipName = kind == ActionKind.Leverage ? relationship : null;
        action.OwnerUserId = owner;
        action.Function = function;
        action.FunctionOther = function == ActionFunction.Other ? functionOther : null;
        action.DueOn = due;
        action.Status = status;
        action.CompletedOn = status == ActionStatus.Done ? completed : null;
        action.UpdatedAt = Now;
        return issues;
    }

    /// <summary>The audit summary: kind, status, dates and linked issue count, never the description.</summary>
    protected static string Terms(DueDiligenceAction a, int issues) =>
        $"{ActionSchedule.Code(a.Kind)}, {ActionSchedule.Code(a.Status)}, due {Date(a.DueOn)}"
        + (a.CompletedOn is { } done ? $", completed {Date(done)}" : "")
        + $", function {ActionSchedule.Code(a.Function)}, {issues} salient issue(s)";
}
