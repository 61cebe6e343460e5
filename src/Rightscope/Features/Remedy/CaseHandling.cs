using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Methodologies.Loading;
using Rightscope.Core.Remedy;
using Rightscope.Data;
using Rightscope.Features.Methodologies;

namespace Rightscope.Features.Remedy;

/// <summary>
/// What the case pages need beyond the report and the messages: the case's history, notes, referrals and remedy
/// outcomes decrypted with its key, and the catalogs and companies triage picks from.
/// </summary>
public sealed class CaseHandling(RightscopeDbContext db, MethodologyRegistry registry, TimeProvider clock)
{
    public const string RightsCatalog = "human-rights";
    public const string GroupsCatalog = "affected-groups";

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public ReferenceCatalog Rights => Reference(RightsCatalog);

    public ReferenceCatalog Groups => Reference(GroupsCatalog);

    /// <summary>Everything of a case beyond its report and messages, decrypted.</summary>
    public sealed record Workflow(
        IReadOnlyList<CaseStep> Steps,
        IReadOnlyList<(CaseNote Note, string Author, string Text)> Notes,
        IReadOnlyList<(CaseReferral Referral, string Details)> Referrals,
        IReadOnlyList<(CaseRemedyOutcome Outcome, string Description)> Outcomes,
        string? NoRemedyReason);

    public async Task<Workflow> ReadAsync(GrievanceCase grievance, CaseKey key, CancellationToken cancellationToken)
    {
        var steps = await db.CaseSteps.AsNoTracking().Where(s => s.CaseId == grievance.Id).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var notes = await (
                from note in db.CaseNotes.AsNoTracking()
                join user in db.Users on note.AuthorUserId equals user.Id into authors
                from author in authors.DefaultIfEmpty()
                where note.CaseId == grievance.Id
                orderby note.Id
                select new { note, Name = author == null ? null : author.DisplayName, Email = author == null ? null : author.Email })
            .ToListAsync(cancellationToken);
        var referrals = await db.CaseReferrals.AsNoTracking().Where(r => r.CaseId == grievance.Id).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var outcomes = await db.CaseRemedyOutcomes.AsNoTracking().Where(o => o.CaseId == grievance.Id).OrderBy(o => o.Id).ToListAsync(cancellationToken);
        return new Workflow(
            steps,
            [.. notes.Select(n => (n.note, string.IsNullOrEmpty(n.Name) ? n.Email ?? "" : n.Name, CaseContent.Open(key, n.note.Purpose, n.note.Body)))],
            [.. referrals.Select(r => (r, CaseContent.Open(key, r.Purpose, r.Details)))],
            [.. outcomes.Select(o => (o, CaseContent.Open(key, o.Purpose, o.Description)))],
            grievance.NoRemedyReason is { } reason ? CaseContent.Open(key, ContentPurpose.NoRemedyReason, reason) : null);
    }

    /// <summary>The organization's companies to link a case to, by name.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> CompaniesAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Companies.AsNoTracking()
            .Select(c => new { c.Id, c.NameEn, c.NameZhHans })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(c => (c.Id, c.NameEn ?? c.NameZhHans ?? "")).OrderBy(c => c.Item2, StringComparer.CurrentCulture)];
    }

    private ReferenceCatalog Reference(string key) =>
        registry.Shipped.Reference(key) ?? throw new InvalidOperationException($"the catalog has no '{key}' reference list");
}
