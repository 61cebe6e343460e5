namespace Rightscope.Core.Remedy;

/// <summary>
/// The forms of remedy of the UN Basic Principles on the right to a remedy (2005) that a case can end with: one value
/// per entry of the <c>remedy-types</c> reference catalog (<see cref="RemedyCatalog"/>). Stored by name: names never
/// change (<see cref="Compensation"/> is the catalog's financial compensation) and new values are added at the end.
/// </summary>
public enum RemedyType
{
    Apology,
    Restitution,
    Compensation,
    Rehabilitation,
    ProductOrPolicyChange,
    GuaranteeOfNonRepetition,
    NonFinancialCompensation,
    PunitiveSanctions,
    InjunctionAndCessation,
}

/// <summary>The reporter's answer to "how satisfied are you with how your report was handled?", stored as this value only.</summary>
public enum ReporterSatisfaction
{
    VeryDissatisfied,
    Dissatisfied,
    Neutral,
    Satisfied,
    VerySatisfied,
    PreferNotToSay,
}

public enum CheckInResult
{
    NoConcerns,
    ConcernsRaised,
    CouldNotReach,
}

/// <summary>
/// When to ask a reporter whether they have faced retaliation after their case was closed (seed 003): one and three
/// months after closure, when retaliation commonly follows once attention has moved on.
/// </summary>
public static class RetaliationCheckIns
{
    public static readonly IReadOnlyList<int> MonthsAfterClosure = [1, 3];

    public static IReadOnlyList<DateOnly> ScheduleAfter(DateOnly closedOn) =>
        [.. MonthsAfterClosure.Select(closedOn.AddMonths)];

    /// <summary>Due when its day has come and nothing has been recorded yet.</summary>
    public static bool IsDue(DateOnly dueOn, bool recorded, DateOnly today) => !recorded && dueOn <= today;
}
