namespace Rightscope.Core.Engagements;

/// <summary>
/// The rungs of an investor's escalation ladder (seed 000 §70 on leverage), from the least to the most forceful.
/// The numeric values are the order, so a higher step is a stronger one; never renumber them.
/// </summary>
public enum EscalationStep
{
    PrivateDialogue = 1,
    LetterToBoard = 2,
    CollaborativeEngagement = 3,
    PublicStatement = 4,
    ShareholderResolution = 5,
    VoteAgainstDirectors = 6,
    Divestment = 7,
}
