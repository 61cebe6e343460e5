using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rightscope.Core.Accounts;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Transparency;

/// <summary>Records a government request with its assessment checklist and decision.</summary>
[RequirePermission(Permission.EditWorkspace)]
public sealed class GovernmentRequestNewModel(GovernmentRequestCommands commands, OrganizationContext context, TimeProvider clock) : PageModel
{
    [BindProperty]
    public GovernmentRequestInput Input { get; set; } = new();

    public string Slug => context.Current.Slug;

    public void OnGet() =>
        Input.ReceivedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var actor = new CommandActor(context.Current.Id, context.Membership!.UserId, AuditActor.SignedIn(User));
        var outcome = await commands.CreateAsync(actor, Input, cancellationToken);
        if (!outcome.Succeeded)
        {
            return GovernmentRequestPage.Invalid(this, outcome);
        }

        return Redirect($"/o/{Slug}/government-requests/{outcome.Id}?saved=true");
    }
}

public static class GovernmentRequestPage
{
    /// <summary>Shows a refused command's message and field errors on the form, with a 400 (409 for a conflict).</summary>
    public static IActionResult Invalid(PageModel page, CommandOutcome outcome)
    {
        page.ModelState.AddModelError("", outcome.Message!);
        foreach (var (key, messages) in outcome.Errors)
        {
            page.ModelState.AddModelError(AssessmentCommandPage.InputField(key), string.Join(" ", messages));
        }

        var result = page.InvalidForm();
        if (outcome.Status == CommandStatus.Conflict)
        {
            page.Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return result;
    }
}
