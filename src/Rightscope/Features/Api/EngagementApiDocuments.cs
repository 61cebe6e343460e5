using Rightscope.Core.Engagements;
using Rightscope.Features.Engagements;

namespace Rightscope.Features.Api;

public sealed record EngagementCompanyDocument(Guid Id, string? NameEn, string? NameZhHans, bool Fictional);

/// <summary>An engagement in a list: where it stands on the ladder, its next deadline and how many milestones are overdue.</summary>
public sealed record EngagementSummary(
    Guid Id,
    string Title,
    EngagementCompanyDocument Company,
    EngagementStatus Status,
    EscalationStep CurrentStep,
    int CurrentStepPosition,
    DateOnly StartedOn,
    DateOnly? NextDeadline,
    bool Overdue,
    int OverdueMilestones,
    EngagementOutcome? Outcome)
{
    public static EngagementSummary From(EngagementRow r) => new(
        r.Id, r.Title, new EngagementCompanyDocument(r.CompanyId, r.CompanyNameEn, r.CompanyNameZhHans, r.CompanyFictional),
        r.Status, r.CurrentStep, EscalationLadder.Position(r.CurrentStep), r.StartedOn, r.NextDeadline, r.Overdue, r.OverdueMilestones, r.Outcome);
}

public sealed record EngagementList(IReadOnlyList<EngagementSummary> Items);

public sealed record ObjectiveDocument(Guid Id, string? ItemKey, string? Component, string Description, ObjectiveStatus Status, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record MilestoneDocument(Guid Id, DateOnly Deadline, string Description, MilestoneStatus Status, bool Overdue);

/// <summary>One move on the ladder; the first entry of every engagement has no <c>fromStep</c>.</summary>
public sealed record EscalationDocument(Guid Id, EscalationStep? FromStep, EscalationStep ToStep, string? Reason, Guid RecordedByUserId, DateTime RecordedAt);

public sealed record InteractionDocument(Guid Id, DateOnly OccurredOn, InteractionType Type, string Participants, string Summary, Guid RecordedByUserId, DateTime RecordedAt);

/// <summary>The ladder in order, the step the engagement is on, and every move with its date.</summary>
public sealed record LadderDocument(IReadOnlyList<EscalationStep> Steps, EscalationStep Current, int Position, IReadOnlyList<EscalationDocument> History);

/// <summary>
/// One engagement with everything recorded on it. <c>version</c> is the concurrency token: send it back with an
/// escalation to make sure nobody moved the engagement since it was read (409 otherwise).
/// </summary>
public sealed record EngagementDocument(
    Guid Id,
    string Title,
    EngagementCompanyDocument Company,
    Guid? AssessmentId,
    Guid LeadUserId,
    DateOnly StartedOn,
    EngagementStatus Status,
    EngagementOutcome? Outcome,
    string? OutcomeNote,
    DateOnly? ClosedOn,
    DateOnly? NextDeadline,
    int OverdueMilestones,
    Guid Version,
    IReadOnlyList<ObjectiveDocument> Objectives,
    IReadOnlyList<MilestoneDocument> Milestones,
    LadderDocument Ladder,
    IReadOnlyList<InteractionDocument> Interactions)
{
    public static EngagementDocument From(EngagementView v)
    {
        var e = v.Engagement;
        return new EngagementDocument(
            e.Id,
            e.Title,
            new EngagementCompanyDocument(v.Company.Id, v.Company.NameEn, v.Company.NameZhHans, v.Company.Fictional),
            e.AssessmentId,
            e.LeadUserId,
            e.StartedOn,
            e.Status,
            e.Outcome,
            e.OutcomeNote,
            e.ClosedOn,
            v.NextDeadline,
            v.OverdueMilestones,
            e.ConcurrencyToken,
            [.. v.Objectives.Select(o => new ObjectiveDocument(o.Id, o.ItemKey, o.Component, o.Description, o.Status, o.CreatedAt, o.UpdatedAt))],
            [.. v.Milestones.Select(m => new MilestoneDocument(m.Id, m.Deadline, m.Description, m.Status, v.IsOverdue(m)))],
            new LadderDocument(
                EscalationLadder.Steps,
                e.CurrentStep,
                EscalationLadder.Position(e.CurrentStep),
                [.. v.History.Select(h => new EscalationDocument(h.Id, h.FromStep, h.ToStep, h.Reason, h.RecordedByUserId, h.RecordedAt))]),
            [.. v.Interactions.Select(i => new InteractionDocument(i.Id, i.OccurredOn, i.Type, i.Participants, i.Summary, i.RecordedByUserId, i.RecordedAt))]);
    }
}

/// <summary>
/// Starts an engagement. <c>gaps</c> are item keys of the rested-on assessment's questions answered no, partial or
/// no disclosure found (<c>item:service</c> for a service's answer); <c>objectives</c> are written freely.
/// Without <c>leadUserId</c> the token's creator leads. Dates are <c>yyyy-MM-dd</c>; <c>startedOn</c> defaults to today.
/// </summary>
public sealed record CreateEngagementRequest(
    Guid? CompanyId,
    string? Title,
    Guid? AssessmentId,
    Guid? LeadUserId,
    string? StartedOn,
    IReadOnlyList<string>? Gaps,
    IReadOnlyList<string>? Objectives);

public sealed record MilestoneRequest(string? Deadline, string? Description);

/// <summary>An interaction; <c>type</c> is one of meeting, call, letter, email, agm-question, collaborative-investor-meeting, other.</summary>
public sealed record InteractionRequest(string? OccurredOn, string? Type, string? Participants, string? Summary);

/// <summary>A move on the ladder to <c>step</c> (e.g. <c>letter-to-board</c>); stepping down needs a <c>reason</c>.</summary>
public sealed record EscalationRequest(string? Step, string? Reason, Guid? Version);
