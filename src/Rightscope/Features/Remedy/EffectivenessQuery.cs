using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Remedy;
using Rightscope.Data;

namespace Rightscope.Features.Remedy;

/// <summary>
/// Loads the <see cref="CaseFacts"/> of the cases received in a period. Every query projects clear columns only, so no
/// encrypted report, note, referral detail or remedy description is even read from the database.
/// </summary>
public sealed class EffectivenessQuery(RightscopeDbContext db)
{
    public async Task<IReadOnlyList<CaseFacts>> LoadAsync(ReportingPeriod period, CancellationToken cancellationToken)
    {
        var (start, end) = (period.From, period.To);
        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.ReceivedOn >= start && c.ReceivedOn <= end)
            .Select(c => new { c.Id, c.ReceivedOn, c.Status, c.AcknowledgedOn, c.GroupKeys, c.Country, c.Satisfaction, c.CompanyId, c.RightKeys })
            .ToListAsync(cancellationToken);
        var steps = (await (
                from step in db.CaseSteps.AsNoTracking()
                join @case in db.Cases on step.CaseId equals @case.Id
                where @case.ReceivedOn >= start && @case.ReceivedOn <= end
                select new { step.CaseId, step.To, step.On })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.CaseId);
        var referrals = (await (
                from referral in db.CaseReferrals.AsNoTracking()
                join @case in db.Cases on referral.CaseId equals @case.Id
                where @case.ReceivedOn >= start && @case.ReceivedOn <= end
                select new { referral.CaseId, referral.Mechanism, referral.Status })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.CaseId);
        var remedies = (await (
                from outcome in db.CaseRemedyOutcomes.AsNoTracking()
                join @case in db.Cases on outcome.CaseId equals @case.Id
                where @case.ReceivedOn >= start && @case.ReceivedOn <= end
                select new { outcome.CaseId, outcome.Type })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.CaseId);
        return [.. cases.Select(c => new CaseFacts(
            c.ReceivedOn,
            c.Status,
            c.AcknowledgedOn,
            CaseFeedback.FirstFeedbackOn(steps[c.Id].Select(s => (s.To, s.On))),
            Keys(c.GroupKeys),
            c.Country,
            Sex: null,
            [.. referrals[c.Id].Select(r => (r.Mechanism, r.Status))],
            [.. remedies[c.Id].Select(r => r.Type)],
            c.Satisfaction,
            c.CompanyId,
            Keys(c.RightKeys)))];
    }

    private static IReadOnlyList<string> Keys(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];
}
