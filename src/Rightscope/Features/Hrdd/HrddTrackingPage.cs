using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Hrdd;

/// <summary>A member or salient issue offered in a select list.</summary>
public sealed record Choice(Guid Id, string Label);

/// <summary>
/// What the action plan, tracking indicator and engagement log pages share: the organization, today's date, the
/// members and salient issues to choose from, and the parsing of form fields into field errors keyed by the form's
/// names (<c>Input.Title</c>), so every page reports bad input the same way.
/// </summary>
public abstract class HrddTrackingPage(RightscopeDbContext db, OrganizationContext context, TimeProvider clock, IStringLocalizer<HrddTrackingText> text) : PageModel
{
    public const string DateFormat = "yyyy-MM-dd";

    protected RightscopeDbContext Db => db;

    protected IStringLocalizer<HrddTrackingText> Text => text;

    public string Slug => context.Current.Slug;

    protected Guid OrganizationId => context.Current.Id;

    protected Guid UserId => context.Membership!.UserId;

    public bool CanEdit => context.Allows(Permission.EditWorkspace);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    protected DateTime Now => clock.GetUtcNow().UtcDateTime;

    protected AuditRecord Record(string action, string targetType, Guid id, string summary) =>
        new(OrganizationId, AuditActor.SignedIn(User), action, targetType, id.ToString("N"), summary);

    public static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    public string? ErrorOf(string field) =>
        ModelState[field] is { Errors.Count: > 0 } entry ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    protected void Fail(string field, string message) => ModelState.AddModelError(field, message);

    /// <summary>A required text of at most <paramref name="max"/> characters, trimmed.</summary>
    protected string RequiredText(string field, string label, string? value, int max)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > max)
        {
            Fail(field, text["Error.TextRequired", label, max]);
        }

        return trimmed;
    }

    /// <summary>An optional text of at most <paramref name="max"/> characters, trimmed; empty is "".</summary>
    protected string OptionalText(string field, string label, string? value, int max)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length > max)
        {
            Fail(field, text["Error.TextTooLong", label, max]);
        }

        return trimmed;
    }

    protected DateOnly? OptionalDate(string field, string label, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year >= 1900 && date.Year <= 2200)
        {
            return date;
        }

        Fail(field, text["Error.DateInvalid", label, value.Trim()]);
        return null;
    }

    protected DateOnly RequiredDate(string field, string label, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Fail(field, text["Error.DateRequired", label]);
            return default;
        }

        return OptionalDate(field, label, value) ?? default;
    }

    /// <summary>A number written with a dot for decimals (an HTML number input sends that whatever the language).</summary>
    protected double? OptionalNumber(string field, string label, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) && Math.Abs(number) < 1e12)
        {
            return number;
        }

        Fail(field, text["Error.NumberInvalid", label, value.Trim()]);
        return null;
    }

    protected T Choose<T>(string field, string label, string? value)
        where T : struct, Enum
    {
        if (Core.Hrdd.ActionSchedule.TryParse<T>(value, out var parsed))
        {
            return parsed;
        }

        Fail(field, text["Error.ChoiceInvalid", label]);
        return default;
    }

    /// <summary>The chosen salient issues of this organization; ids that are not its issues are a field error.</summary>
    protected List<Guid> ChosenIssues(string field, string label, IEnumerable<string>? values, IReadOnlyList<Choice> issues)
    {
        var chosen = new List<Guid>();
        foreach (var value in values ?? [])
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (!Guid.TryParse(value, out var id) || issues.All(i => i.Id != id))
            {
                Fail(field, text["Error.IssueInvalid", label]);
                return [];
            }

            if (!chosen.Contains(id))
            {
                chosen.Add(id);
            }
        }

        return chosen;
    }

    public static string Code<T>(T value)
        where T : struct, Enum => Core.Hrdd.ActionSchedule.Code(value);

    /// <summary>The organization's salient issues, by title.</summary>
    protected async Task<IReadOnlyList<Choice>> IssueChoicesAsync(CancellationToken cancellationToken) =>
        [.. (await db.SalientIssues.AsNoTracking().Select(i => new { i.Id, i.Title }).ToListAsync(cancellationToken))
            .Select(i => new Choice(i.Id, i.Title)).OrderBy(c => c.Label, StringComparer.CurrentCulture)];

    /// <summary>The organization's members, by name.</summary>
    protected async Task<IReadOnlyList<Choice>> MemberChoicesAsync(CancellationToken cancellationToken)
    {
        var organizationId = OrganizationId;
        var members = await (
            from m in db.Memberships.AsNoTracking()
            join u in db.Users.AsNoTracking() on m.UserId equals u.Id
            where m.OrganizationId == organizationId
            select new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        return [.. members.Select(m => new Choice(m.Id, m.DisplayName.Length > 0 ? $"{m.DisplayName} ({m.Email})" : m.Email ?? m.Id.ToString()))
            .OrderBy(m => m.Label, StringComparer.CurrentCulture)];
    }
}
