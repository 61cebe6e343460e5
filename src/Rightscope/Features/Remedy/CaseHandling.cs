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
        string? NoRemedyReason,
        IReadOnlyList<(CaseCheckIn CheckIn, string? Note)> CheckIns,
        IReadOnlyList<Person> Recipients,
        IReadOnlyList<Person> ShareCandidates,
        IReadOnlyList<Person> Excluded);

    public sealed record Person(Guid Id, string Name);

    /// <summary>A channel recipient who could receive the case key now, with the public key to seal it to.</summary>
    public sealed record Candidate(Guid Id, string Name, byte[] PublicKey);

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
        var checkIns = await db.CaseCheckIns.AsNoTracking().Where(c => c.CaseId == grievance.Id).OrderBy(c => c.DueOn).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var recipientIds = await db.CaseRecipientEnvelopes.Where(e => e.CaseId == grievance.Id).Select(e => e.UserId).ToListAsync(cancellationToken);
        var excludedIds = await db.CaseExclusions.Where(e => e.CaseId == grievance.Id).Select(e => e.UserId).ToListAsync(cancellationToken);
        var candidates = await ShareCandidatesAsync(grievance, cancellationToken);
        return new Workflow(
            steps,
            [.. notes.Select(n => (n.note, NameOf(n.Name, n.Email), CaseContent.Open(key, n.note.Purpose, n.note.Body)))],
            [.. referrals.Select(r => (r, CaseContent.Open(key, r.Purpose, r.Details)))],
            [.. outcomes.Select(o => (o, CaseContent.Open(key, o.Purpose, o.Description)))],
            grievance.NoRemedyReason is { } reason ? CaseContent.Open(key, ContentPurpose.NoRemedyReason, reason) : null,
            [.. checkIns.Select(c => (c, c.Note is null ? null : CaseContent.Open(key, c.Purpose, c.Note)))],
            await PeopleAsync(recipientIds, cancellationToken),
            [.. candidates.Select(c => new Person(c.Id, c.Name))],
            await PeopleAsync(excludedIds, cancellationToken));
    }

    /// <summary>
    /// Recipients of the case's channel who hold no envelope for it and were not excluded from it, and who can receive
    /// one: case handlers of the organization with case keys (like <c>CaseIntake</c>'s recipients of a new case).
    /// </summary>
    public async Task<IReadOnlyList<Candidate>> ShareCandidatesAsync(GrievanceCase grievance, CancellationToken cancellationToken)
    {
        var rows = await (
                from recipient in db.ChannelRecipients
                join key in db.HandlerKeys on recipient.UserId equals key.UserId
                join membership in db.Memberships on recipient.UserId equals membership.UserId
                join user in db.Users on recipient.UserId equals user.Id
                where recipient.ChannelId == grievance.ChannelId
                    && membership.OrganizationId == grievance.OrganizationId
                    && membership.Role == Core.Accounts.Role.CaseHandler
                    && !db.CaseRecipientEnvelopes.Any(e => e.CaseId == grievance.Id && e.UserId == recipient.UserId)
                    && !db.CaseExclusions.Any(e => e.CaseId == grievance.Id && e.UserId == recipient.UserId)
                select new { user.Id, user.DisplayName, user.Email, key.PublicKey })
            .ToListAsync(cancellationToken);
        return [.. rows.DistinctBy(r => r.Id).Select(r => new Candidate(r.Id, NameOf(r.DisplayName, r.Email), r.PublicKey)).OrderBy(c => c.Name, StringComparer.CurrentCulture)];
    }

    private async Task<IReadOnlyList<Person>> PeopleAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        return [.. users.Select(u => new Person(u.Id, NameOf(u.DisplayName, u.Email))).OrderBy(p => p.Name, StringComparer.CurrentCulture)];
    }

    private static string NameOf(string? displayName, string? email) => string.IsNullOrEmpty(displayName) ? email ?? "" : displayName;

    /// <summary>The organization's companies to link a case to, by name.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> CompaniesAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Companies.AsNoTracking()
            .Select(c => new { c.Id, c.NameEn, c.NameZhHans })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(c => (c.Id, c.NameEn ?? c.NameZhHans ?? "")).OrderBy(c => c.Item2, StringComparer.CurrentCulture)];
    }

    /// <summary>The organization's salient issues register (Features/Hrdd), most recent first, to link a case to.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Label)>> SalientIssuesAsync(CancellationToken cancellationToken)
    {
        var rows = await db.SalientIssues.AsNoTracking()
            .OrderBy(i => i.Title).ThenBy(i => i.Id)
            .Select(i => new { i.Id, i.Title, i.Product })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.Product is null ? r.Title : $"{r.Title} · {r.Product}"))];
    }

    /// <summary>Product and service names already named in the register or on cases: suggestions, not a closed list.</summary>
    public async Task<IReadOnlyList<string>> KnownProductsAsync(CancellationToken cancellationToken)
    {
        var fromIssues = await db.SalientIssues.AsNoTracking().Where(i => i.Product != null).Select(i => i.Product!).Distinct().ToListAsync(cancellationToken);
        var fromCases = await db.Cases.AsNoTracking().Where(c => c.Product != null).Select(c => c.Product!).Distinct().ToListAsync(cancellationToken);
        return [.. fromIssues.Concat(fromCases).Distinct(StringComparer.Ordinal).Order(StringComparer.CurrentCulture)];
    }

    /// <summary>
    /// The salient impacts recorded in the organization's assessments, to link a case to: the assessment's subject, the
    /// right and the start of the description.
    /// </summary>
    public async Task<IReadOnlyList<(Guid Id, string Label)>> SalientImpactsAsync(CancellationToken cancellationToken)
    {
        var rows = await (
            from impact in db.SalientImpacts.AsNoTracking()
            join assessment in db.Assessments.AsNoTracking() on impact.AssessmentId equals assessment.Id
            orderby assessment.SubjectName, impact.RightKey, impact.Id
            select new { impact.Id, assessment.SubjectName, impact.RightKey, impact.Description }).ToListAsync(cancellationToken);
        return [.. rows.Select(r =>
        {
            var right = Rights.Find(r.RightKey)?.Title.In(MethodologyLanguage.Current) ?? r.RightKey;
            var description = r.Description.Length > 60 ? r.Description[..60] + "…" : r.Description;
            return (r.Id, $"{r.SubjectName} — {right}: {description}");
        })];
    }

    private ReferenceCatalog Reference(string key) =>
        registry.Shipped.Reference(key) ?? throw new InvalidOperationException($"the catalog has no '{key}' reference list");
}
