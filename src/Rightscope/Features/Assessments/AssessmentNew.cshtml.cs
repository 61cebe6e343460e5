using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Methodologies;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Features.Methodologies;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Assessments;

/// <summary>
/// Starts a draft assessment. Without JavaScript the form comes in two steps: choose a methodology (a GET form),
/// then the subject, its attributes and services, which depend on that methodology.
/// </summary>
[RequirePermission(Permission.EditWorkspace)]
public sealed partial class AssessmentNewModel(
    RightscopeDbContext db,
    OrganizationContext context,
    MethodologyRegistry registry,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<AssessmentsText> text) : PageModel
{
    public sealed class InputModel
    {
        public string? Methodology { get; set; }

        public string? SubjectKind { get; set; }

        public string? SubjectName { get; set; }

        public Dictionary<string, string> Attributes { get; set; } = [];

        public string? Services { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<AvailableMethodology> Available { get; private set; } = [];

    /// <summary>The chosen methodology, once the first step is done.</summary>
    public Methodology? Chosen { get; private set; }

    public string Slug => context.Current.Slug;

    public string Language => MethodologyLanguage.Current;

    public async Task OnGetAsync(string? methodology, CancellationToken cancellationToken)
    {
        Available = await registry.AvailableAsync(db, cancellationToken);
        if (!string.IsNullOrWhiteSpace(methodology))
        {
            Chosen = MethodologyRegistry.Find(Available, methodology)?.Methodology;
            Input.Methodology = Chosen?.Id;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Available = await registry.AvailableAsync(db, cancellationToken);
        Chosen = string.IsNullOrWhiteSpace(Input.Methodology) ? null : MethodologyRegistry.Find(Available, Input.Methodology)?.Methodology;
        if (Chosen is null)
        {
            ModelState.AddModelError("Input.Methodology", text["New.MethodologyInvalid"]);
            return this.InvalidForm();
        }

        var methodology = Chosen;
        Input.Methodology = methodology.Id;
        SubjectKind kind = default;
        if (!Enum.TryParse(Input.SubjectKind, ignoreCase: false, out kind) || !methodology.Subjects.Contains(kind))
        {
            ModelState.AddModelError("Input.SubjectKind", text["New.SubjectKindInvalid"]);
        }

        var name = Input.SubjectName?.Trim() ?? "";
        if (name.Length is 0 or > Assessment.SubjectNameMaxLength)
        {
            ModelState.AddModelError("Input.SubjectName", text["New.SubjectNameInvalid", Assessment.SubjectNameMaxLength]);
        }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in methodology.Attributes)
        {
            if (Input.Attributes.TryGetValue(attribute.Key, out var value) && attribute.Options.Any(o => o.Key == value))
            {
                attributes[attribute.Key] = value;
            }
            else
            {
                ModelState.AddModelError(AttributeField(attribute.Key), text["New.AttributeInvalid", attribute.Title.In(Language)]);
            }
        }

        var services = (Input.Services ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();
        if (methodology.Components is null && services.Count > 0)
        {
            ModelState.AddModelError("Input.Services", text["New.ServicesNotScored"]);
        }
        else if (services.Any(s => !ServiceKey().IsMatch(s) || s == Core.Scoring.AssessmentInput.Company) || services.Count > 20)
        {
            ModelState.AddModelError("Input.Services", text["New.ServicesInvalid"]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidForm();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var userId = context.Membership!.UserId;
        var assessment = new Assessment
        {
            OrganizationId = context.Current.Id,
            SubjectKind = kind,
            SubjectName = name,
            Attributes = JsonSerializer.Serialize(attributes),
            Services = JsonSerializer.Serialize(services),
            MethodologyKey = methodology.Key,
            MethodologyVersion = methodology.Version,
            AuthorUserId = userId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var result = AssessmentStore.Score(methodology, assessment, [], [], []);
        (assessment.Total, assessment.Tier) = (result.Total, result.Tier);
        db.Assessments.Add(assessment);
        await audit.SaveChangesAsync(
            new AuditRecord(
                context.Current.Id,
                AuditActor.SignedIn(User),
                "assessment.created",
                "assessment",
                assessment.Id.ToString("N"),
                $"{methodology.Id}, {kind}: {name}"),
            cancellationToken);
        return Redirect($"/o/{Slug}/assessments/{assessment.Id}");
    }

    public static string AttributeField(string key) => $"Input.Attributes[{key}]";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex ServiceKey();
}
