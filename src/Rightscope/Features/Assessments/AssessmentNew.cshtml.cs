using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Methodologies;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Features.Companies;
using Rightscope.Features.Methodologies;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Assessments;

/// <summary>
/// Starts a draft assessment. Without JavaScript the form comes in two steps: choose a methodology (a GET form),
/// then the subject, its attributes and services, which depend on that methodology.
/// </summary>
[RequirePermission(Permission.EditWorkspace)]
public sealed class AssessmentNewModel(
    RightscopeDbContext db,
    OrganizationContext context,
    MethodologyRegistry registry,
    AssessmentCommands commands,
    IStringLocalizer<AssessmentsText> text) : PageModel
{
    public sealed class InputModel
    {
        public string? Methodology { get; set; }

        public string? SubjectKind { get; set; }

        public string? SubjectName { get; set; }

        public Dictionary<string, string> Attributes { get; set; } = [];

        public string? Services { get; set; }

        public Guid? CompanyId { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<AvailableMethodology> Available { get; private set; } = [];

    /// <summary>The chosen methodology, once the first step is done.</summary>
    public Methodology? Chosen { get; private set; }

    public string Slug => context.Current.Slug;

    public string Language => MethodologyLanguage.Current;

    /// <summary>The registry company the assessment is started from, if any.</summary>
    public Company? Company { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? methodology, Guid? company, CancellationToken cancellationToken)
    {
        if (company is not null && !await LoadCompanyAsync(company, cancellationToken))
        {
            return NotFound();
        }

        Input.SubjectKind ??= Company is null ? null : nameof(SubjectKind.Company);
        Available = await registry.AvailableAsync(db, cancellationToken);
        if (!string.IsNullOrWhiteSpace(methodology))
        {
            Chosen = MethodologyRegistry.Find(Available, methodology)?.Methodology;
            Input.Methodology = Chosen?.Id;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadCompanyAsync(Input.CompanyId, cancellationToken);
        Available = await registry.AvailableAsync(db, cancellationToken);
        Chosen = string.IsNullOrWhiteSpace(Input.Methodology) ? null : MethodologyRegistry.Find(Available, Input.Methodology)?.Methodology;
        if (Chosen is null)
        {
            ModelState.AddModelError("Input.Methodology", text["New.MethodologyInvalid"]);
            return this.InvalidForm();
        }

        Input.Methodology = Chosen.Id;
        var services = (Input.Services ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var outcome = await commands.CreateAsync(
            new CommandActor(context.Current.Id, context.Membership!.UserId, AuditActor.SignedIn(User)),
            new NewAssessment(Chosen.Id, Input.SubjectKind, Input.SubjectName, Input.Attributes, services, Input.CompanyId),
            cancellationToken);
        if (!outcome.Succeeded)
        {
            foreach (var (key, messages) in outcome.Errors)
            {
                ModelState.AddModelError(AssessmentCommandPage.InputField(key), string.Join(" ", messages));
            }

            return this.InvalidForm();
        }

        return Redirect($"/o/{Slug}/assessments/{outcome.Id}");
    }

    public static string AttributeField(string key) => $"Input.Attributes[{key}]";

    private async Task<bool> LoadCompanyAsync(Guid? id, CancellationToken cancellationToken)
    {
        Company = id is null ? null : await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        Input.CompanyId = Company?.Id;
        return Company is not null;
    }
}
