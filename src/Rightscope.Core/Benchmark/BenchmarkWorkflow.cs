namespace Rightscope.Core.Benchmark;

/// <summary>Where a benchmark edition is in its life (DESIGN §9.9): imported, approved as a whole, open for replies, public.</summary>
public enum EditionStatus
{
    Draft,
    Approved,
    ReplyOpen,
    Published,
}

/// <summary>What a company did with its right of reply; <see cref="Pending"/> until the publisher records it.</summary>
public enum ReplyDecision
{
    Pending,
    Replied,
    Declined,
}

/// <summary>Why a transition of an edition was refused.</summary>
public enum EditionFailure
{
    InvalidTransition,

    /// <summary>The person who imported the edition tried to approve it (four eyes).</summary>
    ApproverIsImporter,

    /// <summary>The reply window ends before it starts.</summary>
    WindowReversed,

    /// <summary>Publication was refused: see the list of what is missing.</summary>
    Incomplete,

    /// <summary>A published edition never changes.</summary>
    Frozen,
}

/// <summary>One company of an edition as publication sees it.</summary>
public sealed record EditionCompanyState(string Company, bool AssessmentApproved, ReplyDecision Reply);

/// <summary>Something publication needs and does not have.</summary>
public sealed record MissingItem(MissingKind Kind, string Company);

public enum MissingKind
{
    /// <summary>The company's assessment is not approved.</summary>
    UnapprovedAssessment,

    /// <summary>The reply window is still open and the company's reply decision is not recorded.</summary>
    ReplyPending,
}

/// <summary>The transitions of an edition: draft → approved (by someone other than the importer) → right of reply → published.</summary>
public static class BenchmarkWorkflow
{
    public static EditionFailure? Approve(EditionStatus current, Guid importerId, Guid approverId) =>
        current != EditionStatus.Draft ? Refuse(current)
        : importerId == approverId ? EditionFailure.ApproverIsImporter
        : null;

    public static EditionFailure? OpenReply(EditionStatus current, DateOnly opens, DateOnly closes) =>
        current != EditionStatus.Approved ? Refuse(current)
        : closes < opens ? EditionFailure.WindowReversed
        : null;

    /// <summary>Replies are recorded while the window is open (late ones too, until publication).</summary>
    public static EditionFailure? RecordReply(EditionStatus current) =>
        current == EditionStatus.ReplyOpen ? null : Refuse(current);

    /// <summary>
    /// What publication still needs, company by company in the given order: every assessment approved, and for every
    /// company a recorded reply decision unless the reply window has closed (<paramref name="today"/> after it).
    /// </summary>
    public static IReadOnlyList<MissingItem> Missing(IEnumerable<EditionCompanyState> companies, DateOnly? windowCloses, DateOnly today)
    {
        var missing = new List<MissingItem>();
        var closed = windowCloses is { } closes && today > closes;
        foreach (var company in companies)
        {
            if (!company.AssessmentApproved)
            {
                missing.Add(new MissingItem(MissingKind.UnapprovedAssessment, company.Company));
            }

            if (company.Reply == ReplyDecision.Pending && !closed)
            {
                missing.Add(new MissingItem(MissingKind.ReplyPending, company.Company));
            }
        }

        return missing;
    }

    public static EditionFailure? Publish(EditionStatus current, IReadOnlyList<MissingItem> missing) =>
        current != EditionStatus.ReplyOpen ? Refuse(current)
        : missing.Count > 0 ? EditionFailure.Incomplete
        : null;

    /// <summary>Draft and approved editions may be deleted and re-imported; nothing else changes them.</summary>
    public static bool IsEditable(EditionStatus current) => current == EditionStatus.Draft;

    private static EditionFailure Refuse(EditionStatus current) =>
        current == EditionStatus.Published ? EditionFailure.Frozen : EditionFailure.InvalidTransition;
}
