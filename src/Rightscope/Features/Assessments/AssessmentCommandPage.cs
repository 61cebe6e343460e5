using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Assessments;

/// <summary>
/// What every page that changes an assessment does the same way: the permission is checked before the
/// assessment is looked up (so a role without it learns nothing), the assessment is found through the tenant
/// filter (another organization's id is a 404), authorized as a resource, and each change is saved with one
/// audit entry and a new concurrency token.
/// </summary>
public abstract class AssessmentCommandPage(
    AssessmentStore store,
    OrganizationContext context,
    IAuthorizationService authorization,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<AssessmentsText> text) : PageModel
{
    protected enum Lookup
    {
        Found,
        Forbidden,
        NotFound,
    }

    public LoadedAssessment Loaded { get; protected set; } = null!;

    public string Slug => context.Current.Slug;

    /// <summary>Why the command was refused, shown with a 400.</summary>
    public string? Error { get; protected set; }

    protected OrganizationContext Context => context;

    protected IStringLocalizer<AssessmentsText> Text => text;

    protected Guid UserId => context.Membership!.UserId;

    protected DateTime Now => clock.GetUtcNow().UtcDateTime;

    protected string OverviewUrl(Guid id) => $"/o/{Slug}/assessments/{id}";

    protected async Task<Lookup> FindAsync(Guid id, Permission permission, bool track, CancellationToken cancellationToken)
    {
        if (!context.Allows(permission))
        {
            return Lookup.Forbidden;
        }

        var loaded = await store.LoadAsync(id, track, cancellationToken);
        if (loaded is null)
        {
            return Lookup.NotFound;
        }

        var allowed = await authorization.AuthorizeAsync(User, loaded.Assessment, new PermissionRequirement(permission));
        if (!allowed.Succeeded)
        {
            return Lookup.Forbidden;
        }

        Loaded = loaded;
        return Lookup.Found;
    }

    protected IActionResult Refuse(Lookup lookup) => lookup == Lookup.NotFound ? NotFound() : Forbid();

    /// <summary>Re-renders the page with <paramref name="message"/> and a 400; nothing was saved.</summary>
    protected IActionResult Refused(string message)
    {
        Error = message;
        ModelState.AddModelError("", message);
        return this.InvalidForm();
    }

    /// <summary>Re-renders the page with a 409: the assessment changed since the form was shown; nothing was saved.</summary>
    protected IActionResult Conflicted()
    {
        Error = text["Workflow.Conflict"];
        ModelState.AddModelError("", Error);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    /// <summary>Saves a new record (here, a new assessment) with one audit entry about it; the loaded assessment is not touched.</summary>
    protected Task SaveNewAsync(Guid subjectId, string action, string summary, CancellationToken cancellationToken) =>
        audit.SaveChangesAsync(
            new AuditRecord(context.Current.Id, AuditActor.SignedIn(User), action, "assessment", subjectId.ToString("N"), summary),
            cancellationToken);

    /// <summary>Saves the tracked changes with one audit entry; false when someone else saved the assessment first.</summary>
    protected Task<bool> SaveAsync(string action, string summary, CancellationToken cancellationToken) =>
        AssessmentCommands.SaveAsync(
            audit,
            Now,
            Loaded.Assessment,
            new AuditRecord(context.Current.Id, AuditActor.SignedIn(User), action, "assessment", Loaded.Assessment.Id.ToString("N"), summary),
            cancellationToken);

    /// <summary>The signed-in member as the actor of an <see cref="AssessmentCommands"/> command.</summary>
    protected CommandActor Actor => new(context.Current.Id, UserId, AuditActor.SignedIn(User));

    /// <summary>The page's answer to a command that did not succeed: field errors and a 400, a 409, or a 404.</summary>
    protected IActionResult Failed(CommandOutcome outcome, Func<string, string> field)
    {
        switch (outcome.Status)
        {
            case CommandStatus.Invalid:
                foreach (var (key, messages) in outcome.Errors)
                {
                    foreach (var message in messages)
                    {
                        ModelState.AddModelError(field(key), message);
                    }
                }

                return Refused(outcome.Message!);
            case CommandStatus.Refused:
                return Refused(outcome.Message!);
            case CommandStatus.Conflict:
                return Conflicted();
            default:
                return NotFound();
        }
    }

    /// <summary>A command's field key as the pages' <c>Input</c> forms name it: <c>subjectName</c> → <c>Input.SubjectName</c>.</summary>
    public static string InputField(string key) => key.Length == 0 ? "" : $"Input.{char.ToUpperInvariant(key[0])}{key[1..]}";
}
