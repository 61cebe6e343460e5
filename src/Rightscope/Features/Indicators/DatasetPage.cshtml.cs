using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Indicators;

/// <summary>
/// One indicator dataset: what it holds and whether it is published. An imported dataset is a draft that only the
/// indicator list shows; a member who may publish releases it to the indicator, index and country pages, or withdraws
/// it again. Both are in the audit trail.
/// </summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class DatasetPageModel(
    RightscopeDbContext db,
    OrganizationContext context,
    IndicatorDatasets datasets,
    IStringLocalizer<IndicatorsText> text) : PageModel
{
    public const string PublishField = "publish";

    public string Slug => context.Current.Slug;

    public bool CanPublish => context.Allows(Permission.Publish);

    public IndicatorDataset Dataset { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var dataset = await db.IndicatorDatasets.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dataset is null)
        {
            return NotFound();
        }

        Dataset = dataset;
        return Page();
    }

    /// <summary>Publishes (<c>publish=true</c>) or withdraws (<c>publish=false</c>) the dataset.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, [FromForm(Name = PublishField)] string? publish, CancellationToken cancellationToken)
    {
        if (!CanPublish)
        {
            return Forbid();
        }

        var dataset = await db.IndicatorDatasets.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dataset is null)
        {
            return NotFound();
        }

        bool? wanted = publish?.Trim() switch
        {
            "true" => true,
            "false" => false,
            _ => null,
        };
        if (wanted is null)
        {
            return BadRequest(text["Dataset.PublishInvalid"].Value);
        }

        await datasets.SetPublishedAsync(dataset, wanted.Value, AuditActor.SignedIn(User), cancellationToken);
        return Redirect($"/o/{Slug}/indicators/datasets/{dataset.Id}");
    }
}
