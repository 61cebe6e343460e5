using Microsoft.AspNetCore.Mvc;
using Rightscope.Core.Accounts;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Engagements;

/// <summary>The company page's list of the company's engagements with their overdue flags, kept in this slice.</summary>
public sealed class CompanyEngagementsViewComponent(EngagementQueries queries, OrganizationContext context) : ViewComponent
{
    public sealed record Model(string Slug, Guid CompanyId, bool CanEdit, IReadOnlyList<EngagementRow> Rows);

    public async Task<IViewComponentResult> InvokeAsync(Guid companyId)
    {
        var rows = await queries.ListAsync(EngagementFilter.All, companyId, HttpContext.RequestAborted);
        return View("/Features/Engagements/_CompanyEngagements.cshtml",
            new Model(context.Current.Slug, companyId, context.Allows(Permission.EditWorkspace), rows));
    }
}
