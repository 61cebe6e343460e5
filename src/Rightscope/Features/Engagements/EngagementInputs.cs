namespace Rightscope.Features.Engagements;

/// <summary>
/// A new engagement as a page form or an API client describes it. <paramref name="Gaps"/> are the keys of the
/// rested-on assessment's gaps chosen as objectives; <paramref name="Objectives"/> are freely written ones.
/// Dates are <c>yyyy-MM-dd</c>; texts are trimmed and an empty text is none.
/// </summary>
public sealed record NewEngagement(
    string? Title,
    string? AssessmentId,
    string? LeadUserId,
    string? StartedOn,
    IReadOnlyList<string>? Gaps,
    IReadOnlyList<string>? Objectives);

public sealed record MilestoneInput(string? Deadline, string? Description);

public sealed record InteractionInput(string? OccurredOn, string? Type, string? Participants, string? Summary);

public sealed record EscalationInput(string? Step, string? Reason);

public sealed record CloseInput(string? Outcome, string? Note, string? ClosedOn);
