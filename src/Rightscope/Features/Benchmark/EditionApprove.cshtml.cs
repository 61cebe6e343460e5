using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Benchmark;

/// <summary>A reviewer approves the whole edition (every assessment in it), never the person who imported it.</summary>
[RequirePermission(Permission.Review)]
public sealed class EditionApproveModel(RightscopeDbContext db, OrganizationContext context, BenchmarkEditions editions, IStringLocalizer<BenchmarkText> text)
    : EditionPage(db, context, editions, text)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Redirect($"/o/{Slug}/benchmark/{id}") : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var outcome = await Editions.ApproveAsync(Edition, UserId, Actor, cancellationToken);
        return outcome.Succeeded ? Redirect($"/o/{Slug}/benchmark/{id}") : await RefusedAsync(outcome, cancellationToken);
    }
}
