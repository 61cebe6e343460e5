using Rightscope.Core.Organizations;
using Rightscope.Core.Remedy;
using Rightscope.Data;
using Rightscope.Features.Remedy;

namespace Rightscope.Demo;

/// <summary>
/// Fictional grievance cases of the demo company's last full year, received through its demo channel and triaged to
/// its two most severe salient issues, so the published human rights report has remediation figures (C6). Each is
/// encrypted and sealed to the demo case handler like a real submission, so the handler can open it; nobody holds the
/// receipts. Dates and outcomes are fixed, so every seeding gives the same figures.
/// </summary>
public static class DemoGrievanceCases
{
    private const string Mark = " (fictional demo case · 虚构示例案件)";

    private sealed record Spec(int Issue, CaseStatus Status, int Month, RemedyType? Remedy, CaseCategory Category);

    private static readonly Spec[] Cases =
    [
        new(0, CaseStatus.Closed, 2, RemedyType.ProductOrPolicyChange, CaseCategory.PrivacyAndData),
        new(0, CaseStatus.Closed, 3, RemedyType.ProductOrPolicyChange, CaseCategory.PrivacyAndData),
        new(0, CaseStatus.Closed, 4, RemedyType.Apology, CaseCategory.PrivacyAndData),
        new(0, CaseStatus.Closed, 5, RemedyType.ProductOrPolicyChange, CaseCategory.PrivacyAndData),
        new(0, CaseStatus.Closed, 6, RemedyType.Apology, CaseCategory.PrivacyAndData),
        new(0, CaseStatus.Closed, 7, RemedyType.NonFinancialCompensation, CaseCategory.PrivacyAndData),
        new(0, CaseStatus.Closed, 8, null, CaseCategory.PrivacyAndData),
        new(0, CaseStatus.Investigating, 11, null, CaseCategory.PrivacyAndData),
        new(0, CaseStatus.Acknowledged, 12, null, CaseCategory.PrivacyAndData),
        new(1, CaseStatus.Closed, 3, RemedyType.GuaranteeOfNonRepetition, CaseCategory.Discrimination),
        new(1, CaseStatus.Closed, 5, RemedyType.Apology, CaseCategory.Discrimination),
        new(1, CaseStatus.Closed, 6, RemedyType.GuaranteeOfNonRepetition, CaseCategory.Discrimination),
        new(1, CaseStatus.Closed, 8, null, CaseCategory.Discrimination),
        new(1, CaseStatus.Closed, 9, RemedyType.Apology, CaseCategory.Discrimination),
        new(1, CaseStatus.UnderAssessment, 12, null, CaseCategory.Discrimination),
        new(-1, CaseStatus.Closed, 4, null, CaseCategory.ProductHarm),
        new(-1, CaseStatus.Closed, 7, null, CaseCategory.ProductHarm),
    ];

    /// <summary>Adds the cases to <paramref name="db"/> (not saved) after the channel and the salient issues; a summary, or null for other kinds.</summary>
    public static string? Add(RightscopeDbContext db, Guid organizationId, OrganizationKind kind, Guid handlerId, KeyDerivationCost receiptCost, DateTime now)
    {
        var channel = db.Channels.Local.FirstOrDefault(c => c.OrganizationId == organizationId);
        var handlerKey = db.HandlerKeys.Local.FirstOrDefault(k => k.UserId == handlerId);
        if (kind != OrganizationKind.Company || channel is null || handlerKey is null)
        {
            return null;
        }

        var issues = db.SalientIssues.Local.Where(i => i.OrganizationId == organizationId).OrderByDescending(i => i.Scale + i.Scope + i.Irremediability).ThenBy(i => i.Title, StringComparer.Ordinal).Take(2).ToList();
        var year = now.Year - 1;
        var number = 0;
        foreach (var spec in Cases.Where(s => s.Issue < issues.Count))
        {
            var issue = spec.Issue >= 0 ? issues[spec.Issue] : null;
            var id = Guid.NewGuid();
            using var key = CaseKey.Create(id);
            using var receipt = Receipt.Generate();
            using var access = ReporterAccessKey.Derive(receipt, channel.ReceiptSalt, receiptCost);
            var received = new DateOnly(year, spec.Month, 1 + (number % 20));
            var closed = spec.Status == CaseStatus.Closed;
            var document = Questionnaire.ToDocument(QuestionnaireKind.General, "en", new Dictionary<string, string?>
            {
                ["what-happened"] = (issue is null ? "A complaint about a product" : $"A complaint about: {issue.Title}") + Mark,
            });
            var grievance = new GrievanceCase
            {
                Id = id,
                OrganizationId = organizationId,
                ChannelId = channel.Id,
                Number = ++number,
                Status = spec.Status,
                ReceivedOn = received,
                AcknowledgedOn = spec.Status == CaseStatus.Received ? null : received.AddDays(3),
                ClosedOn = closed ? received.AddDays(45) : null,
                LookupId = access.LookupId,
                ReporterEnvelope = ReporterEnvelope.Seal(key, access),
                Report = CaseCipher.EncryptText(key, ContentPurpose.Report, document),
                Category = spec.Category,
                RightKeys = issue is null ? "[]" : $"[\"{issue.RightKey}\"]",
                SalientIssueId = issue?.Id,
                Urgency = CaseUrgency.Normal,
                AssignedUserId = handlerId,
            };
            db.Cases.Add(grievance);
            db.CaseRecipientEnvelopes.Add(new CaseRecipientEnvelope
            {
                OrganizationId = organizationId,
                CaseId = id,
                UserId = handlerId,
                SealedKey = SealedBox.Seal(key, RecipientPublicKey.FromBytes(handlerKey.PublicKey)),
            });
            if (spec.Remedy is { } remedy)
            {
                var outcome = new CaseRemedyOutcome
                {
                    OrganizationId = organizationId,
                    CaseId = id,
                    Type = remedy,
                    On = received.AddDays(40),
                    RecordedByUserId = handlerId,
                    Description = [],
                };
                outcome.Description = CaseContent.Seal(key, outcome.Purpose, "Remedy agreed with the reporter" + Mark);
                db.CaseRemedyOutcomes.Add(outcome);
            }
        }

        return $"{number} fictional grievance cases of {year} linked to the salient issues";
    }
}
