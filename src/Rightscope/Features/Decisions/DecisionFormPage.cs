using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Features.Companies;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Decisions;

/// <summary>What the propose and revise pages share: the company, its approved assessments, and the form's errors.</summary>
public abstract class DecisionFormPage(OrganizationContext context, DecisionBasis basis) : PageModel
{
    [BindProperty]
    public DecisionForm Input { get; set; } = new();

    public string Slug => context.Current.Slug;

    protected Guid UserId => context.Membership!.UserId;

    public Company Company { get; protected set; } = null!;

    public IReadOnlyList<AssessmentBasis> Assessments { get; protected set; } = [];

    /// <summary>The form's field messages are keyed by the input's fields; a refusal or conflict is a message of its own.</summary>
    public string? Error { get; protected set; }

    protected CommandActor Actor => new(context.Current.Id, context.Membership!.UserId, AuditActor.SignedIn(User));

    protected async Task LoadBasisAsync(Company company, CancellationToken cancellationToken)
    {
        Company = company;
        Assessments = await basis.ApprovedAssessmentsAsync(company, cancellationToken);
    }

    /// <summary>Re-renders the form after a command that did not succeed: 400 with field errors, 409, or 404.</summary>
    protected IActionResult Failed(CommandOutcome outcome)
    {
        foreach (var (key, messages) in outcome.Errors)
        {
            ModelState.AddModelError(DecisionForm.Field(key), string.Join(" ", messages));
        }

        Error = outcome.Message;
        if (outcome.Errors.Count == 0 && outcome.Message is { } message)
        {
            ModelState.AddModelError("", message);
        }

        switch (outcome.Status)
        {
            case CommandStatus.NotFound:
                return NotFound();
            case CommandStatus.Conflict:
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                return this.InvalidForm();
        }
    }
}
