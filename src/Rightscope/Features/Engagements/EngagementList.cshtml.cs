using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rightscope.Core.Accounts;
using Rightscope.Features.Assessments;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Engagements;

/// <summary>The organization's engagements with their step, next deadline and overdue flag; filtered open, closed, overdue or all.</summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class EngagementListModel(EngagementQueries queries, OrganizationContext context) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    public EngagementFilter Filter { get; private set; }

    public string Slug => context.Current.Slug;

    public IReadOnlyList<EngagementRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // An unknown filter shows the open engagements rather than an error: it is a link, not a form.
        Filter = AssessmentCommands.TryParseCode<EngagementFilter>(Show, out var filter) ? filter : EngagementFilter.Open;
        Rows = await queries.ListAsync(Filter, null, cancellationToken);
    }
}
