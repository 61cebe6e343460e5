using System.Text;

namespace Rightscope.Core.Portfolios.Import;

public enum HoldingsFileFormat
{
    /// <summary>XLSX when the file starts like a ZIP archive, CSV otherwise.</summary>
    Auto,
    Csv,
    Xlsx,
}

public enum DecimalSeparator
{
    /// <summary>Comma in semicolon-separated CSV files (as European spreadsheets write them), point otherwise.</summary>
    Auto,
    /// <summary>12.5 and 1,234.56: the point is the decimal separator, the comma groups thousands.</summary>
    Point,
    /// <summary>12,5 and 1.234,56: the comma is the decimal separator, the point groups thousands.</summary>
    Comma,
}

/// <summary>How to read a holdings file. The defaults suit a file in the documented layout.</summary>
public sealed record HoldingsImportOptions
{
    public HoldingsFileFormat Format { get; init; } = HoldingsFileFormat.Auto;

    /// <summary>CSV only: the text encoding. Null: detected (UTF-8 with or without BOM, UTF-16 LE/BE).</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>CSV only: ',', ';' or '\t'. Null: detected from the header line.</summary>
    public char? Delimiter { get; init; }

    public DecimalSeparator DecimalSeparator { get; init; } = DecimalSeparator.Auto;

    /// <summary>Column names of a file in another layout.</summary>
    public ColumnMapping Mapping { get; init; } = ColumnMapping.None;

    /// <summary>XLSX only: the sheet to read (case-insensitive). Null: the first sheet.</summary>
    public string? SheetName { get; init; }

    /// <summary>Keep the good rows of a file with bad ones. Off: one bad row and nothing may be written.</summary>
    public bool SkipBadRows { get; init; }

    /// <summary>More data rows than this and the file is refused (reading stops there).</summary>
    public int MaxRows { get; init; } = 200_000;

    /// <summary>How far from 100 the weights may sum, in percentage points, before a warning.</summary>
    public double WeightSumTolerance { get; init; } = 1.0;

    /// <summary>Issues kept in the report; further ones are only counted (<see cref="HoldingsImportResult.IssueCounts"/>).</summary>
    public int MaxIssues { get; init; } = 1_000;

    /// <summary>Receives the number of data rows read, every 1,000 rows and at the end.</summary>
    public IProgress<int>? Progress { get; init; }
}
