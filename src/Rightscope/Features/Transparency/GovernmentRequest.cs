using Rightscope.Core.Transparency;
using Rightscope.Data;

namespace Rightscope.Features.Transparency;

/// <summary>
/// A government request the organization received (issue 6): who asked, for what, under which legal process; the
/// assessment checklist the team answered before deciding; the decision and what was disclosed or removed. The
/// transparency report counts these by period, country, request type, legal process and outcome.
/// </summary>
public sealed class GovernmentRequest : ITenantOwned
{
    public const int AuthorityMaxLength = TransparencyImport.AuthorityMaxLength;

    public const int ReferenceMaxLength = TransparencyImport.ReferenceMaxLength;

    public const int NoteMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    /// <summary>The organization's own reference for the request (a ticket number), optional.</summary>
    public string? Reference { get; set; }

    public DateOnly ReceivedOn { get; set; }

    /// <summary>ISO 3166-1 alpha-2, or <see cref="CountryCodes.None"/>.</summary>
    public required string CountryCode { get; set; }

    /// <summary>The requesting authority as named on the request (a court, a police unit, a ministry).</summary>
    public required string Authority { get; set; }

    public RequestType Type { get; set; }

    public LegalProcess Process { get; set; }

    public int AccountsSpecified { get; set; }

    public int ItemsSpecified { get; set; }

    /// <summary>What the request asks for, in the team's words (never user data itself).</summary>
    public string Summary { get; set; } = "";

    // The assessment checklist: each question is unanswered (null), yes, no or unclear, with a note.
    public ChecklistAnswer? ValidAndBinding { get; set; }

    public string ValidAndBindingNote { get; set; } = "";

    public ChecklistAnswer? ConsistentWithLaw { get; set; }

    public string ConsistentWithLawNote { get; set; } = "";

    public ChecklistAnswer? Legality { get; set; }

    public string LegalityNote { get; set; } = "";

    public ChecklistAnswer? LegitimateAim { get; set; }

    public string LegitimateAimNote { get; set; } = "";

    public ChecklistAnswer? Necessity { get; set; }

    public string NecessityNote { get; set; } = "";

    public ChecklistAnswer? Proportionality { get; set; }

    public string ProportionalityNote { get; set; } = "";

    public RequestDecision Decision { get; set; } = RequestDecision.Pending;

    public DateOnly? DecidedOn { get; set; }

    public int ItemsDisclosedOrRemoved { get; set; }

    /// <summary>The request came with an order forbidding the organization to tell the user.</summary>
    public bool NonDisclosureOrder { get; set; }

    /// <summary>Whether the affected user was told; null while not known or not decided.</summary>
    public bool? UserNotified { get; set; }

    /// <summary>The file the request was imported from; null when entered on the form.</summary>
    public string? ImportedFrom { get; set; }

    public Guid? CreatedByUserId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    public CountedRequest ToCounted() => new(ReceivedOn, new CellKey(CountryCode, Type, Process), AccountsSpecified, Decision);
}

/// <summary>
/// Counts for one period and cell loaded from a report the organization published before (issue 6: "the reports
/// companies have already published are aggregates"). See <see cref="TransparencyFigures"/> for how they combine with
/// the register without counting anything twice.
/// </summary>
public sealed class GovernmentRequestAggregate : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    /// <summary><c>2024</c>, <c>2024H1</c> or <c>2024H2</c>.</summary>
    public required string Period { get; set; }

    public required string CountryCode { get; set; }

    public RequestType Type { get; set; }

    public LegalProcess Process { get; set; }

    public int Requests { get; set; }

    public int AccountsSpecified { get; set; }

    public int CompliedFully { get; set; }

    public int CompliedPartially { get; set; }

    public int Rejected { get; set; }

    public int ChallengedInCourt { get; set; }

    public string? ImportedFrom { get; set; }

    public DateTime ImportedAt { get; set; }

    public AggregateCount ToCount() => new(
        TransparencyPeriod.Parse(Period),
        new CellKey(CountryCode, Type, Process),
        new RequestCounts(Requests, AccountsSpecified, CompliedFully, CompliedPartially, Rejected, ChallengedInCourt));
}

public enum TransparencyReportStatus
{
    /// <summary>Public at /transparency/{org}/{period}, with the frozen snapshot.</summary>
    Published,

    /// <summary>Taken down: the public page answers 404; the last snapshot is kept for the record.</summary>
    Withdrawn,
}

/// <summary>
/// A published transparency report: the numbers frozen at publication (<see cref="Snapshot"/>, a
/// <see cref="TransparencyDocument"/> as JSON), so later edits of the register do not change what was published.
/// Publishing again replaces the snapshot; both are audited.
/// </summary>
public sealed class TransparencyReport : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public required string Period { get; set; }

    public TransparencyReportStatus Status { get; set; }

    public required string Snapshot { get; set; }

    public DateTime PublishedAt { get; set; }

    public Guid PublishedByUserId { get; set; }

    public DateTime? WithdrawnAt { get; set; }

    public Guid? WithdrawnByUserId { get; set; }
}
