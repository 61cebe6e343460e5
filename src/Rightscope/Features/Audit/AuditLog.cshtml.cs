using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Audit;
using Rightscope.Data;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Audit;

/// <summary>The organization's audit trail, newest first, with the verification status of its chain.</summary>
[RequirePermission(Permission.ViewAudit)]
public sealed partial class AuditLogModel(
    RightscopeDbContext db,
    AuditVerifier verifier,
    OrganizationContext context,
    IStringLocalizer<AuditText> text) : PageModel
{
    public const int PageSize = 50;

    [GeneratedRegex("^[a-z0-9.-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex ActionPrefixShape();

    /// <summary>1-based; <c>?page=N</c>.</summary>
    public int PageNumber { get; private set; } = 1;

    /// <summary>Only entries whose action code starts with this (<c>?action=member.</c>).</summary>
    public string? ActionPrefix { get; private set; }

    public string OrganizationSlug => context.Current.Slug;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int TotalCount { get; private set; }

    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public AuditVerification Verification { get; private set; } = new(0, 0, null);

    public string? BreakDescription { get; private set; }

    public string? ErrorMessage { get; private set; }

    // Bound from the query string only: "page" is also the route value that names a Razor page.
    public async Task<IActionResult> OnGetAsync(
        [FromQuery(Name = "page")] string? page,
        [FromQuery(Name = "action")] string? action,
        CancellationToken cancellationToken)
    {
        var organizationId = context.Current.Id;
        Verification = verifier.Verify([], organizationId);
        if (Verification.FirstBreak is { } broken)
        {
            BreakDescription = Describe(broken, AuditTrail.ChainOf(organizationId));
        }

        if (page is not null)
        {
            if (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return NotFound();
            }

            PageNumber = number;
        }

        var prefix = string.IsNullOrWhiteSpace(action) ? null : action.Trim();
        if (prefix is not null && !ActionPrefixShape().IsMatch(prefix))
        {
            ErrorMessage = text["AuditLog.FilterInvalid"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        ActionPrefix = prefix;

        // The query filter already limits rows to this organization; naming the chain as well lets the
        // (Chain, Sequence) index serve both the filter and the order.
        var chain = AuditTrail.ChainOf(organizationId);
        var entries = db.AuditEntries.AsNoTracking().Where(e => e.Chain == chain);
        if (prefix is not null)
        {
            entries = entries.Where(e => e.Action.StartsWith(prefix));
        }

        TotalCount = await entries.CountAsync(cancellationToken);
        if (PageNumber < 1 || PageNumber > PageCount)
        {
            return NotFound();
        }

        Rows = await entries
            .OrderByDescending(e => e.Sequence)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(e => new Row(e.Id, e.Sequence, e.OccurredAt, e.Actor, e.Action, e.TargetType, e.TargetId, e.Summary))
            .ToListAsync(cancellationToken);
        return Page();
    }

    /// <summary>A link to another page of the same listing, keeping the filter.</summary>
    public string PageUrl(int page)
    {
        var query = new List<string>();
        if (page != 1)
        {
            query.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        }

        if (ActionPrefix is not null)
        {
            query.Add("action=" + Uri.EscapeDataString(ActionPrefix));
        }

        return $"/o/{OrganizationSlug}/audit" + (query.Count == 0 ? "" : "?" + string.Join("&", query));
    }

    private string Describe(AuditBreak broken, string ownChain)
    {
        var rowId = broken.EntryId?.ToString(CultureInfo.InvariantCulture) ?? "";
        var description = text[$"AuditLog.Break.{broken.Reason}", broken.Sequence, rowId].Value;
        return string.Equals(broken.Chain, ownChain, StringComparison.Ordinal)
            ? description
            : text["AuditLog.OtherChain", broken.Chain] + " " + description;
    }

    public sealed record Row(
        long Id,
        long Sequence,
        DateTime OccurredAt,
        string Actor,
        string Action,
        string? TargetType,
        string? TargetId,
        string Summary)
    {
        // SQLite hands back DateTimeKind.Unspecified; every stored time is UTC.
        public DateTime OccurredAtUtc => DateTime.SpecifyKind(OccurredAt, DateTimeKind.Utc);

        public string Target => (TargetType, TargetId) switch
        {
            (null, null) => "",
            ({ } type, null) => type,
            (null, { } id) => id,
            ({ } type, { } id) => $"{type} {id}",
        };
    }
}
