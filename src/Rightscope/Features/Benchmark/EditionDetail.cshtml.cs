using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Benchmark;

/// <summary>An edition: its companies, where it is in the workflow, what publication needs, and the commands the role allows.</summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class EditionDetailModel(RightscopeDbContext db, OrganizationContext context, BenchmarkEditions editions, IStringLocalizer<BenchmarkText> text)
    : EditionPage(db, context, editions, text)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();
}
