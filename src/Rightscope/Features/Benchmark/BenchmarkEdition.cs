using Rightscope.Core.Benchmark;
using Rightscope.Data;

namespace Rightscope.Features.Benchmark;

/// <summary>
/// A benchmark edition (issue 7, DESIGN §9.9): one assessment per company under one methodology version, approved as a
/// whole by someone other than the importer, opened for the companies' right of reply, then published. Publication
/// stores a <see cref="Snapshot"/> that the public pages and the open data serve, so a published edition never changes.
/// </summary>
public sealed class BenchmarkEdition : ITenantOwned
{
    public const int NameMaxLength = 200;
    public const int SlugMaxLength = 100;
    public const int LicenceMaxLength = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public required string Name { get; set; }

    /// <summary>Unique in the organization; the edition's public address.</summary>
    public required string Slug { get; set; }

    public int Year { get; set; }

    public required string MethodologyKey { get; set; }

    public required string MethodologyVersion { get; set; }

    /// <summary><c>element</c> or <c>indicator</c>: what the import held.</summary>
    public required string Level { get; set; }

    public EditionStatus Status { get; set; } = EditionStatus.Draft;

    /// <summary>Who imported it; <see cref="Guid.Empty"/> for the command line (any reviewer may then approve).</summary>
    public Guid ImportedByUserId { get; set; }

    public DateTime ImportedAt { get; set; }

    public string? SourceFile { get; set; }

    public Guid? ApprovedByUserId { get; set; }

    public DateTime? ApprovedAt { get; set; }

    public DateOnly? ReplyOpensOn { get; set; }

    public DateOnly? ReplyClosesOn { get; set; }

    public Guid? PublishedByUserId { get; set; }

    public DateTime? PublishedAt { get; set; }

    /// <summary>The open data licence (SPDX identifier), CC BY 4.0 unless the publisher chooses another (DESIGN §9.14).</summary>
    public string Licence { get; set; } = OpenData.DefaultLicence;

    /// <summary>The published edition as JSON (<see cref="PublishedEdition"/>); null until publication.</summary>
    public string? Snapshot { get; set; }

    public string? ContentHash { get; set; }

    /// <summary>Set by the application on every save (DESIGN §9.12).</summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    public string MethodologyId => $"{MethodologyKey}@{MethodologyVersion}";
}

/// <summary>A company of an edition: its assessment and its right of reply.</summary>
public sealed class BenchmarkEntry : ITenantOwned
{
    public const int ReplyMaxLength = 8000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid EditionId { get; set; }

    public Guid AssessmentId { get; set; }

    public Guid CompanyId { get; set; }

    public required string CompanyName { get; set; }

    /// <summary>Unique in the edition; the scorecard's public address.</summary>
    public required string CompanySlug { get; set; }

    public ReplyDecision Reply { get; set; } = ReplyDecision.Pending;

    /// <summary>The company's reply as received, published beside its scorecard.</summary>
    public string? ReplyText { get; set; }

    public DateOnly? ReplyReceivedOn { get; set; }
}

/// <summary>An imported indicator score (0–100, null: not applicable) of an edition's assessment, for one component.</summary>
public sealed class BenchmarkIndicatorScore : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid AssessmentId { get; set; }

    public required string NodeKey { get; set; }

    public required string Component { get; set; }

    public double? Score { get; set; }
}
