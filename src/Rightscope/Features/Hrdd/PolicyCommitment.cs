using Rightscope.Data;

namespace Rightscope.Features.Hrdd;

/// <summary>
/// The organization's policy commitment to respect human rights (UNGP 16): one per organization, with its approval and
/// where it is published, and the five elements GP16 asks for, each with its own status and evidence.
/// </summary>
public sealed class PolicyCommitment : ITenantOwned
{
    public const int TitleMaxLength = 300;

    public const int UrlMaxLength = 500;

    public const int ApproverMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    /// <summary>The commitment's name as published, e.g. "Human Rights Policy".</summary>
    public required string Title { get; set; }

    /// <summary>Where the public can read it (GP16(d)); null while it is not published.</summary>
    public string? PublicUrl { get; set; }

    public DateOnly? ApprovedOn { get; set; }

    /// <summary>The body or role that approved it, e.g. "Board of directors" (GP16(a)).</summary>
    public string? Approver { get; set; }

    public Guid UpdatedByUserId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Set by the application on every save (DESIGN §9.12).</summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
}

/// <summary>One of the five elements of a policy commitment (UNGP 16 (a)–(e)) and how far the organization is with it.</summary>
public sealed class PolicyCommitmentElement : ITenantOwned
{
    public const int EvidenceMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid CommitmentId { get; set; }

    public CommitmentElement Element { get; set; }

    public CommitmentElementStatus Status { get; set; }

    /// <summary>What shows the element is in place (a board minute, a consultation, a training record…).</summary>
    public string Evidence { get; set; } = "";

    public string? EvidenceUrl { get; set; }

    /// <summary>When the element was met or last reviewed.</summary>
    public DateOnly? On { get; set; }
}

/// <summary>The five elements of UNGP 16, in the order the principle lists them. Stored by name.</summary>
public enum CommitmentElement
{
    /// <summary>(a) Approved at the most senior level of the business enterprise.</summary>
    SeniorApproval,

    /// <summary>(b) Informed by relevant internal and/or external expertise.</summary>
    InformedByExpertise,

    /// <summary>(c) Stipulates the enterprise's human rights expectations of personnel, business partners and others.</summary>
    StatesExpectations,

    /// <summary>(d) Publicly available and communicated internally and externally.</summary>
    PubliclyAvailable,

    /// <summary>(e) Reflected in the operational policies and procedures necessary to embed it.</summary>
    Embedded,
}

public enum CommitmentElementStatus
{
    NotStarted,
    InProgress,
    Met,
}
