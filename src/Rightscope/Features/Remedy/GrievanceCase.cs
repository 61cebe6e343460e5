using System.Text.Json;
using Rightscope.Core.Remedy;
using Rightscope.Data;

namespace Rightscope.Features.Remedy;

/// <summary>
/// One report received through a channel. Its content is only ever stored encrypted under the case key, which is
/// itself stored only sealed (<see cref="CaseRecipientEnvelope"/>, <see cref="ReporterEnvelope"/>). Dates are days,
/// and the id is random (not a version 7 GUID), so nothing stored tells the time of the submission more precisely.
/// </summary>
public sealed class GrievanceCase : ITenantOwned
{
    public const int ProductMaxLength = 200;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid OrganizationId { get; set; }

    public Guid ChannelId { get; set; }

    /// <summary>Per organization, from a unique index with retry (DESIGN §9.12), never read-and-increment alone.</summary>
    public int Number { get; set; }

    public CaseStatus Status { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public DateOnly? AcknowledgedOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    /// <summary>
    /// The first day, after the acknowledgement, on which the reporter had feedback (<see cref="CaseDeadlines.FirstFeedback"/>):
    /// kept up to date by <see cref="Apply"/> and <see cref="NoteHandlerReply"/>, so the database can count the
    /// feedback deadlines without reading messages and steps (issue 8).
    /// </summary>
    public DateOnly? FeedbackGivenOn { get; set; }

    /// <summary>Derived from the receipt by Argon2id (<c>ReporterAccessKey.LookupId</c>); unique per channel.</summary>
    public required byte[] LookupId { get; set; }

    /// <summary>The case key wrapped for the reporter (<c>ReporterEnvelope</c>).</summary>
    public required byte[] ReporterEnvelope { get; set; }

    /// <summary>The answers as one JSON document, encrypted with purpose <c>report</c>.</summary>
    public required byte[] Report { get; set; }

    /// <summary>Triage (plaintext, coarse): what kind of concern; null until a handler sets it.</summary>
    public CaseCategory? Category { get; set; }

    /// <summary>Entry keys of the <c>human-rights</c> reference catalog, as a JSON array.</summary>
    public string RightKeys { get; set; } = "[]";

    /// <summary>Entry keys of the <c>affected-groups</c> reference catalog, as a JSON array.</summary>
    public string GroupKeys { get; set; } = "[]";

    /// <summary>A company of the organization's registry the case concerns (checked in code: no foreign key on an existing table).</summary>
    public Guid? CompanyId { get; set; }

    /// <summary>
    /// A salient impact recorded in one of the organization's assessments that the case concerns (the learning loop,
    /// GP31(g)); checked in code like <see cref="CompanyId"/>.
    /// </summary>
    public Guid? SalientImpactId { get; set; }

    /// <summary>
    /// A salient issue of the organization's own register (Features/Hrdd) that the case concerns, so closed cases show
    /// there as signals; checked in code like <see cref="CompanyId"/>.
    /// </summary>
    public Guid? SalientIssueId { get; set; }

    /// <summary>The product or service the case concerns, as the handler names it (coarse, plaintext triage).</summary>
    public string? Product { get; set; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? Country { get; set; }

    /// <summary>Whether the case concerns a human rights defender (seed 002).</summary>
    public bool Defender { get; set; }

    public CaseUrgency Urgency { get; set; }

    /// <summary>Triage (plaintext, coarse, for SDG 16.10.1-style statistics): who committed it; null is not recorded.</summary>
    public PerpetratorType? Perpetrator { get; set; }

    /// <summary>Triage (plaintext, coarse, for statistics): the victim's sex; null is not recorded.</summary>
    public VictimSex? VictimSex { get; set; }

    /// <summary>Triage (plaintext, coarse, for statistics): the victim's age band; null is not recorded.</summary>
    public AgeBand? VictimAgeBand { get; set; }

    /// <summary>
    /// Triage (plaintext, coarse, for SDG 16.10.1-style statistics): the <see cref="ViolationType"/> names recorded, as a
    /// JSON array; empty is not recorded.
    /// </summary>
    public string ViolationTypeKeys { get; set; } = "[]";

    /// <summary>The recipient responsible for the case; always one who holds an envelope.</summary>
    public Guid? AssignedUserId { get; set; }

    /// <summary>Why the case was closed without remedy, encrypted with <c>ContentPurpose.NoRemedyReason</c>; null otherwise.</summary>
    public byte[]? NoRemedyReason { get; set; }

    /// <summary>The reporter's answer after closure, the coarse value only.</summary>
    public ReporterSatisfaction? Satisfaction { get; set; }

    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    public bool CanReply => CaseWorkflow.IsOpen(Status);

    public IReadOnlyList<string> Rights => JsonSerializer.Deserialize<List<string>>(RightKeys) ?? [];

    public IReadOnlyList<string> Groups => JsonSerializer.Deserialize<List<string>>(GroupKeys) ?? [];

    public IReadOnlyList<ViolationType> ViolationTypes => ViolationTypeList.Read(ViolationTypeKeys);

    /// <summary>Moves the case on; the caller has checked the transition with <see cref="CaseWorkflow"/>.</summary>
    public void Apply(CaseTransition transition)
    {
        if (transition.From != Status)
        {
            throw new InvalidOperationException($"The transition starts from {transition.From}, the case is {Status}.");
        }

        Status = transition.To;
        switch (transition.Action)
        {
            case CaseAction.Acknowledge:
                AcknowledgedOn = transition.On;
                break;
            case CaseAction.Close:
                ClosedOn = transition.On;
                break;
            case CaseAction.Reopen:
                ClosedOn = null;
                NoRemedyReason = null;
                break;
        }

        NoteFeedback(CaseDeadlines.FirstFeedback(AcknowledgedOn, [], [(transition.To, transition.On)]));
    }

    /// <summary>
    /// Records a handler's reply sent on <paramref name="day"/> as feedback, if it counts as such. Exact without looking
    /// back: every step and every counted reply comes after the acknowledgement (<see cref="CaseWorkflow"/> allows
    /// nothing else from <see cref="CaseStatus.Received"/>), so a later event can only lower the first day.
    /// </summary>
    public void NoteHandlerReply(DateOnly day) => NoteFeedback(CaseDeadlines.FirstFeedback(AcknowledgedOn, [day], []));

    private void NoteFeedback(DateOnly? day)
    {
        if (day is { } given && (FeedbackGivenOn is null || given < FeedbackGivenOn))
        {
            FeedbackGivenOn = given;
        }
    }
}
