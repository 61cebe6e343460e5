using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Methodologies.Loading;
using Rightscope.Core.Statistics;
using Rightscope.Features.Assessments;
using Rightscope.Features.Methodologies;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Hrdd;

/// <summary>The salient issues register in the engine's priority order (UNGP 24), filtered by status and right, a page at a time.</summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class SalientIssueListModel(SalientIssueRegister register, MethodologyRegistry registry, OrganizationContext context, IStringLocalizer<HrddText> text) : PageModel
{
    public string Slug => context.Current.Slug;

    public bool CanEdit => context.Allows(Permission.EditWorkspace);

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "right")]
    public string? RightFilter { get; set; }

    // Not "page": Razor Pages keeps the page's own path in the route value of that name, and binding reads routes first.
    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public RegisterPage Register { get; private set; } = new([], 1, SalientIssueRegister.PageSize, 0);

    public IReadOnlyList<RegisterRow> Rows => Register.Rows;

    public ReferenceCatalog? Rights => registry.Shipped.Reference(AssessmentImpactsModel.RightsCatalog);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (ModelState["pageNumber"] is { Errors.Count: > 0 } || PageNumber < 1)
        {
            ModelState.Remove("pageNumber");
            ModelState.AddModelError("pageNumber", text["Register.PageInvalid"]);
            return this.InvalidForm();
        }

        SalientIssueStatus? status = null;
        if (!string.IsNullOrWhiteSpace(StatusFilter))
        {
            if (!HrddInput.TryParse<SalientIssueStatus>(StatusFilter, out var parsed))
            {
                ModelState.AddModelError("status", text["Issue.StatusInvalid"]);
                return this.InvalidForm();
            }

            status = parsed;
        }

        var right = string.IsNullOrWhiteSpace(RightFilter) ? null : RightFilter.Trim();
        if (right is not null && Rights?.Find(right) is null)
        {
            ModelState.AddModelError("right", text["Register.RightInvalid"]);
            return this.InvalidForm();
        }

        Register = await register.ListAsync(status, right, PageNumber, cancellationToken);
        return Page();
    }

    /// <summary>The register's address for another page, keeping the filters.</summary>
    public string PageHref(int number) =>
        $"/o/{Slug}/salient-issues?status={Uri.EscapeDataString(StatusFilter ?? "")}&right={Uri.EscapeDataString(RightFilter ?? "")}&pageNumber={number.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public static string Show(PublishedCount count, IStringLocalizer<HrddText> text) => count.Suppression switch
    {
        Suppression.None => count.Value!.Value.ToString(System.Globalization.CultureInfo.CurrentCulture),
        Suppression.Primary => text["Signal.Under", SmallCellSuppression.DefaultThreshold],
        _ => text["Signal.Withheld"],
    };
}
