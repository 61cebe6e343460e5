namespace Rightscope.Core.Portfolios.Import;

/// <summary>A column of the header and the field it was read as (null: ignored).</summary>
public sealed record ImportColumn(int Index, string Header, HoldingField? Field);

/// <summary>
/// The preview and validation report of a holdings file: nothing has been written when it is made. The caller writes
/// <see cref="Rows"/> only when <see cref="CanWrite"/>, and may key the snapshot on <see cref="Fingerprint"/> so that
/// importing the same holdings again changes nothing.
/// </summary>
public sealed record HoldingsImportResult
{
    public required HoldingsFileFormat Format { get; init; }

    /// <summary>CSV: the encoding read (e.g. "utf-8", "utf-16BE"); null for XLSX or when the file could not be opened.</summary>
    public string? Encoding { get; init; }

    /// <summary>CSV: the delimiter used.</summary>
    public char? Delimiter { get; init; }

    /// <summary>XLSX: the sheet read.</summary>
    public string? Sheet { get; init; }

    /// <summary>The header line (0 when none was found).</summary>
    public int HeaderLine { get; init; }

    public IReadOnlyList<ImportColumn> Columns { get; init; } = [];

    /// <summary>Data rows read (not counting the header, empty rows and rows above the header).</summary>
    public int RowsRead { get; init; }

    /// <summary>Rows with at least one error; they are not in <see cref="Rows"/>.</summary>
    public int BadRows { get; init; }

    /// <summary>The valid rows, in file order.</summary>
    public IReadOnlyList<HoldingRow> Rows { get; init; } = [];

    /// <summary>The first <see cref="HoldingsImportOptions.MaxIssues"/> issues, in the order found.</summary>
    public IReadOnlyList<ImportIssue> Issues { get; init; } = [];

    /// <summary>Issues found beyond <see cref="HoldingsImportOptions.MaxIssues"/>: counted, not kept.</summary>
    public int IssuesOmitted { get; init; }

    /// <summary>How many issues of each code were found, omitted ones included.</summary>
    public IReadOnlyDictionary<ImportIssueCode, int> IssueCounts { get; init; } = new Dictionary<ImportIssueCode, int>();

    /// <summary>A problem with the file, the mapping or the header: no row can be trusted.</summary>
    public bool HasFileErrors { get; init; }

    /// <summary>The sum of the weights of <see cref="Rows"/>, in percent; null when no row has a weight.</summary>
    public double? WeightSum { get; init; }

    /// <summary>
    /// SHA-256 (lower-case hex) over the normalized <see cref="Rows"/> sorted, so the same holdings give the same
    /// fingerprint whatever the file format, row order, encoding, number format or letter case; null without rows.
    /// </summary>
    public string? Fingerprint { get; init; }

    /// <summary>
    /// Whether the caller may write <see cref="Rows"/>: no file error, at least one row, and no bad row unless
    /// <see cref="HoldingsImportOptions.SkipBadRows"/>.
    /// </summary>
    public required bool CanWrite { get; init; }
}
