namespace Rightscope.Core.Portfolios.Import;

public enum IssueSeverity
{
    /// <summary>The row (or, at line 0 or the header line, the file) cannot be imported.</summary>
    Error,
    /// <summary>Worth a look; does not stop the import.</summary>
    Warning,
}

/// <summary>
/// Why a holdings file, header or row was refused or deserves a look. The web layer turns the code and its arguments
/// into a sentence in the reader's language (resource key <c>Import.{Code}</c>); every code is described in
/// docs/holdings-import.md. Names are part of the contract: never rename one.
/// </summary>
public enum ImportIssueCode
{
    // The file as a whole
    EmptyFile,
    UnsupportedFileType,
    InvalidEncoding,
    UnsupportedDelimiter,
    MalformedCsv,
    XlsxUnreadable,
    XlsxSheetNotFound,
    XlsxNotAWorksheet,
    XlsxOtherSheetsIgnored,
    XlsxMergedHeaderCells,
    XlsxFormulaCachedValues,
    TooManyRows,
    NoRows,

    // Mapping and header
    MappingMalformed,
    MappingUnknownField,
    MappingDuplicateField,
    MappingSourceNotFound,
    RowsAboveHeaderIgnored,
    ColumnIgnored,
    DuplicateColumn,
    MissingCompanyColumn,
    MissingAmountColumn,
    MissingCurrencyColumn,

    // A row
    MalformedQuoting,
    FieldCountMismatch,
    XlsxMergedCells,
    XlsxFormulaWithoutValue,
    XlsxCellError,
    MissingCompany,
    MissingAmount,
    ValueTooLong,
    IsinFormat,
    IsinCheckDigit,
    LeiFormat,
    LeiCheckDigits,
    TickerInvalid,
    CountryUnknown,
    CurrencyUnknown,
    CurrencyMissing,
    NotANumber,
    NegativeNumber,
    WeightOutOfRange,
    MarketValueRounded,
    DuplicateIdentifier,

    // The snapshot
    WeightSumOff,
}

/// <summary>
/// One problem: the 1-based line (CSV: the physical line where the record starts; XLSX: the row number; 0: the whole
/// file), the column as the file's header names it (null when not about one cell), the reason code, its arguments
/// (named, invariant-culture strings) and whether it blocks the row.
/// </summary>
public sealed record ImportIssue(
    int Line,
    string? Column,
    ImportIssueCode Code,
    IReadOnlyDictionary<string, string> Arguments,
    IssueSeverity Severity)
{
    public override string ToString() =>
        $"{Line}: {Column ?? "-"}: {Severity} {Code}" + (Arguments.Count == 0 ? "" : " " + string.Join(", ", Arguments.Select(a => $"{a.Key}={a.Value}")));
}
