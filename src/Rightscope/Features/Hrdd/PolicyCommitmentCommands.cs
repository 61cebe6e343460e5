using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;

namespace Rightscope.Features.Hrdd;

public sealed record CommitmentElementInput(string? Status, string? Evidence, string? EvidenceUrl, string? On);

/// <summary>The commitment as the form sends it; <see cref="Elements"/> follows the order of <see cref="CommitmentElement"/>.</summary>
public sealed record CommitmentInput(string? Title, string? PublicUrl, string? ApprovedOn, string? Approver, IReadOnlyList<CommitmentElementInput> Elements);

/// <summary>The commitment with its five elements in GP16 order; <see cref="Commitment"/> is null before the first save.</summary>
public sealed record CommitmentView(PolicyCommitment? Commitment, IReadOnlyList<PolicyCommitmentElement> Elements)
{
    public int Met => Elements.Count(e => e.Status == CommitmentElementStatus.Met);
}

/// <summary>
/// Reads and saves the organization's policy commitment (UNGP 16): all five elements in one save with one audit entry,
/// refused with a conflict when someone saved it after the form was shown. A "met" element needs its evidence.
/// </summary>
public sealed class PolicyCommitmentCommands(RightscopeDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<HrddText> text)
{
    public static readonly IReadOnlyList<CommitmentElement> Elements = Enum.GetValues<CommitmentElement>();

    public async Task<CommitmentView> LoadAsync(bool track, CancellationToken cancellationToken)
    {
        var commitments = track ? db.PolicyCommitments : db.PolicyCommitments.AsNoTracking();
        var commitment = await commitments.SingleOrDefaultAsync(cancellationToken);
        var stored = commitment is null
            ? []
            : await (track ? db.PolicyCommitmentElements : db.PolicyCommitmentElements.AsNoTracking())
                .Where(e => e.CommitmentId == commitment.Id).ToListAsync(cancellationToken);
        var elements = Elements
            .Select(element => stored.FirstOrDefault(e => e.Element == element)
                ?? new PolicyCommitmentElement { Element = element, Status = CommitmentElementStatus.NotStarted })
            .ToList();
        return new CommitmentView(commitment, elements);
    }

    /// <summary>Saves the commitment last read at <paramref name="version"/> (null: none existed yet).</summary>
    public async Task<CommandOutcome> SaveAsync(CommandActor actor, Guid? version, CommitmentInput input, CancellationToken cancellationToken)
    {
        var current = await LoadAsync(track: true, cancellationToken);
        if (current.Commitment?.ConcurrencyToken != version)
        {
            return CommandOutcome.Conflict(text["Commitment.Conflict"]);
        }

        var errors = new FieldErrors();
        var title = HrddInput.Text(input.Title);
        if (title is null || title.Length > PolicyCommitment.TitleMaxLength)
        {
            errors.Add("title", text["Commitment.TitleInvalid", PolicyCommitment.TitleMaxLength]);
        }

        var publicUrl = HrddInput.Url(input.PublicUrl, "publicUrl", text["Commitment.PublicUrl"], PolicyCommitment.UrlMaxLength, errors, text);
        var approvedOn = HrddInput.Date(input.ApprovedOn, "approvedOn", text["Commitment.ApprovedOn"], errors, text);
        var approver = HrddInput.Text(input.Approver);
        if (approver?.Length > PolicyCommitment.ApproverMaxLength)
        {
            errors.Add("approver", text["Field.TooLong", text["Commitment.Approver"], PolicyCommitment.ApproverMaxLength]);
        }

        if (input.Elements.Count != Elements.Count)
        {
            errors.Add("", text["Commitment.ElementsMissing"]);
        }

        var parsed = new List<(CommitmentElementStatus Status, string Evidence, string? Url, DateOnly? On)>();
        for (var i = 0; i < Math.Min(input.Elements.Count, Elements.Count); i++)
        {
            var element = input.Elements[i];
            var label = text[$"Element.{Elements[i]}"];
            var field = $"elements[{i}]";
            if (!HrddInput.TryParse<CommitmentElementStatus>(element.Status, out var status))
            {
                errors.Add($"{field}.status", text["Commitment.StatusInvalid", label]);
            }

            var evidence = HrddInput.Text(element.Evidence) ?? "";
            if (evidence.Length > PolicyCommitmentElement.EvidenceMaxLength)
            {
                errors.Add($"{field}.evidence", text["Field.TooLong", label, PolicyCommitmentElement.EvidenceMaxLength]);
            }
            else if (status == CommitmentElementStatus.Met && evidence.Length == 0)
            {
                errors.Add($"{field}.evidence", text["Commitment.EvidenceRequired", label]);
            }

            var url = HrddInput.Url(element.EvidenceUrl, $"{field}.evidenceUrl", label, PolicyCommitment.UrlMaxLength, errors, text);
            var on = HrddInput.Date(element.On, $"{field}.on", label, errors, text);
            parsed.Add((status, evidence, url, on));
        }

        if (errors.Any)
        {
            return CommandOutcome.Invalid(text["Form.NothingSaved"], errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var commitment = current.Commitment;
        if (commitment is null)
        {
            commitment = new PolicyCommitment { OrganizationId = actor.OrganizationId, Title = title!, CreatedAt = now };
            db.PolicyCommitments.Add(commitment);
        }
        else
        {
            db.Entry(commitment).Property(c => c.ConcurrencyToken).OriginalValue = version!.Value;
            commitment.ConcurrencyToken = Guid.NewGuid();
        }

        (commitment.Title, commitment.PublicUrl, commitment.ApprovedOn, commitment.Approver) = (title!, publicUrl, approvedOn, approver);
        (commitment.UpdatedByUserId, commitment.UpdatedAt) = (actor.UserId, now);
        for (var i = 0; i < Elements.Count; i++)
        {
            var element = current.Elements[i];
            if (db.Entry(element).State == EntityState.Detached)
            {
                (element.OrganizationId, element.CommitmentId) = (actor.OrganizationId, commitment.Id);
                db.PolicyCommitmentElements.Add(element);
            }

            (element.Status, element.Evidence, element.EvidenceUrl, element.On) = parsed[i];
        }

        var summary = $"{title}; " + string.Join(", ", current.Elements.Select(e => $"{HrddInput.Code(e.Element)} {HrddInput.Code(e.Status)}"));
        try
        {
            await audit.SaveChangesAsync(
                new AuditRecord(actor.OrganizationId, actor.Audit, version is null ? "commitment.created" : "commitment.updated", "policy-commitment", commitment.Id.ToString("N"), summary),
                cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent save won: the token no longer matches, or a first commitment was saved at the same time.
            return CommandOutcome.Conflict(text["Commitment.Conflict"]);
        }

        return CommandOutcome.Done(commitment.Id);
    }
}
