using Rightscope.Data;

namespace Rightscope.Features.Portfolios;

/// <summary>A named portfolio of the organization; it holds dated snapshots of holdings.</summary>
public sealed class Portfolio : ITenantOwned
{
    public const int NameMaxLength = 200;
    public const int MappingMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public required string Name { get; set; }

    /// <summary>ISO 4217 code.</summary>
    public required string BaseCurrency { get; set; }

    /// <summary>The column mapping last used to import into this portfolio, one <c>source=field</c> per line.</summary>
    public string? ColumnMapping { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
}

/// <summary>The holdings of a portfolio on one date, written by one import (all at once or not at all).</summary>
public sealed class HoldingsSnapshot : ITenantOwned
{
    public const int FileNameMaxLength = 260;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid PortfolioId { get; set; }

    public DateOnly AsOf { get; set; }

    public required string SourceFileName { get; set; }

    /// <summary><c>HoldingsImporter.Fingerprint</c> of the rows written: the same holdings give the same fingerprint.</summary>
    public required string Fingerprint { get; set; }

    public int RowCount { get; set; }

    public int MatchedCount { get; set; }

    /// <summary>Rows of the file refused and skipped (skip bad rows); 0 for an all-or-nothing import.</summary>
    public int SkippedRows { get; set; }

    public required string ImportedBy { get; set; }

    public DateTime ImportedAt { get; set; }
}

/// <summary>One security of a snapshot, as the file gave it, and the registry company it was matched to (if any).</summary>
public sealed class Holding : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid SnapshotId { get; set; }

    /// <summary>Null while unmatched: the analyst links it to a company or creates one from it.</summary>
    public Guid? CompanyId { get; set; }

    /// <summary>The line of the source file.</summary>
    public int Line { get; set; }

    public string? Name { get; set; }

    public string? Isin { get; set; }

    public string? Lei { get; set; }

    public string? Ticker { get; set; }

    public string? Country { get; set; }

    /// <summary>Percent of the portfolio: 12.5 means 12.5 %.</summary>
    public double? Weight { get; set; }

    /// <summary>In minor units of <see cref="Currency"/> (DESIGN §9.12).</summary>
    public long? MarketValueMinor { get; set; }

    public string? Currency { get; set; }

    public double? Shares { get; set; }
}

/// <summary>
/// An uploaded holdings file waiting for the user to confirm its preview. The bytes are encrypted with data
/// protection and kept in the database (not in server memory, so any app instance can finish the import) until the
/// import is confirmed or the upload expires.
/// </summary>
public sealed class HoldingsUpload : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid OrganizationId { get; set; }

    public Guid PortfolioId { get; set; }

    public Guid UserId { get; set; }

    public required string FileName { get; set; }

    public required byte[] Content { get; set; }

    public DateTime ExpiresAt { get; set; }
}
