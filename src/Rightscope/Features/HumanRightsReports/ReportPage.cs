using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.HumanRightsReports;

/// <summary>What the signed-in report pages share: the organization, the actor, and how a failed command is shown.</summary>
public abstract class ReportPage(OrganizationContext context) : PageModel
{
    public string Slug => context.Current.Slug;

    public string OrganizationName => context.Current.Name;

    protected OrganizationContext Context => context;

    protected Guid UserId => context.Membership!.UserId;

    protected CommandActor Actor => new(context.Current.Id, context.Membership!.UserId, AuditActor.SignedIn(User));

    public static string Language => Methodologies.MethodologyLanguage.Current;

    /// <summary>Field keys of the commands mapped to this page's form names.</summary>
    protected virtual string FieldName(string key) => key;

    /// <summary>Shows a command that did not succeed: 404, 409 with the message, or 400 with field errors or the refusal.</summary>
    protected IActionResult Failed(CommandOutcome outcome)
    {
        foreach (var (key, messages) in outcome.Errors)
        {
            ModelState.AddModelError(FieldName(key), string.Join(" ", messages));
        }

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
