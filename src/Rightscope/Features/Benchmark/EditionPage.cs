using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Assessments;
using Rightscope.Core.Benchmark;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Benchmark;

/// <summary>
/// What the edition page and its commands share: the edition (through the tenant filter, so another organization's id is
/// simply not found), its companies with their assessment's status and total, and what publication still needs.
/// Commands re-render the edition page with a 400 and the reason when they are refused.
/// </summary>
public abstract class EditionPage(RightscopeDbContext db, OrganizationContext context, BenchmarkEditions editions, IStringLocalizer<BenchmarkText> text) : PageModel
{
    public sealed record CompanyRow(BenchmarkEntry Entry, AssessmentStatus Status, double? Total);

    public BenchmarkEdition Edition { get; private set; } = null!;

    public IReadOnlyList<CompanyRow> Companies { get; private set; } = [];

    public IReadOnlyList<MissingItem> Missing { get; private set; } = [];

    public string? Error { get; private set; }

    public string Slug => context.Current.Slug;

    public bool CanReview => context.Allows(Permission.Review);

    public bool CanPublish => context.Allows(Permission.Publish);

    public string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected BenchmarkEditions Editions => editions;

    protected RightscopeDbContext Db => db;

    protected IStringLocalizer<BenchmarkText> Text => text;

    protected Guid UserId => context.Membership!.UserId;

    protected AuditActor Actor => AuditActor.SignedIn(User);

    protected OrganizationContext Context => context;

    protected async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var edition = await db.BenchmarkEditions.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (edition is null)
        {
            return false;
        }

        Edition = edition;
        await LoadRowsAsync(cancellationToken);
        return true;
    }

    protected async Task LoadRowsAsync(CancellationToken cancellationToken)
    {
        var entries = await editions.EntriesAsync(Edition.Id, cancellationToken);
        var ids = entries.Select(e => e.AssessmentId).ToList();
        var assessments = await db.Assessments.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Status, a.Total }).ToDictionaryAsync(a => a.Id, cancellationToken);
        Companies = [.. entries.Select(e => new CompanyRow(e, assessments[e.AssessmentId].Status, assessments[e.AssessmentId].Total))];
        Missing = Edition.Status == EditionStatus.Published ? [] : await editions.MissingAsync(Edition, cancellationToken);
    }

    public string MissingText(MissingItem item) => text[$"Missing.{item.Kind}", item.Company];

    protected async Task<IActionResult> RefusedAsync(EditionStepOutcome outcome, CancellationToken cancellationToken) =>
        await RefusedAsync(outcome.Failure switch
        {
            EditionFailure.ApproverIsImporter => text["Workflow.ApproverIsImporter"],
            EditionFailure.WindowReversed => text["Workflow.WindowReversed"],
            EditionFailure.Incomplete => text["Workflow.Incomplete"],
            EditionFailure.Frozen => text["Workflow.Frozen"],
            _ => text[$"Workflow.NotIn.{Edition.Status}"],
        }, cancellationToken);

    protected async Task<IActionResult> RefusedAsync(string message, CancellationToken cancellationToken)
    {
        Error = message;
        ModelState.AddModelError("", message);
        await LoadRowsAsync(cancellationToken);
        return this.InvalidForm();
    }

    protected static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
