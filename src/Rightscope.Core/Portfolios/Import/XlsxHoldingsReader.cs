using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Rightscope.Core.Portfolios.Import;

/// <summary>
/// Reads the rows of one worksheet of an XLSX file. The package, workbook and styles come from the Open XML SDK; the
/// worksheet and shared strings, which grow with the file, are read forward-only with an <see cref="XmlReader"/> so
/// no DOM of 100,000 rows is built. Formulas give their cached value; a formula without one, and error values
/// (#DIV/0!, #N/A…), are errors of their row. A number formatted as a percentage (0.125 shown as 12.5 %) is read as
/// "12.5%". Merged ranges are found first (they follow the cell data in the file), so a merged header is refused.
/// </summary>
internal sealed class XlsxHoldingsReader : IDisposable
{
    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>
    /// The shared strings are kept in memory for the whole read, so their size is capped: far above what 200,000 rows
    /// of holdings need, far below what a small compressed part can inflate to (a "zip bomb" is refused, not loaded).
    /// </summary>
    private static readonly XmlReaderSettings SharedStringsXmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
        MaxCharactersInDocument = 100_000_000,
    };

    private readonly SpreadsheetDocument _document;
    private readonly WorksheetPart _sheet;
    private readonly string[] _sharedStrings;
    private readonly HashSet<int> _percentStyles;

    private XlsxHoldingsReader(SpreadsheetDocument document, WorksheetPart sheet, string sheetName, string[] sharedStrings, HashSet<int> percentStyles)
    {
        _document = document;
        _sheet = sheet;
        SheetName = sheetName;
        _sharedStrings = sharedStrings;
        _percentStyles = percentStyles;
        Merges = ReadMerges();
    }

    public string SheetName { get; }

    public IReadOnlyList<MergedRange> Merges { get; }

    /// <summary>Cells with a formula whose cached value was used, and the first of them.</summary>
    public int FormulaCells { get; private set; }

    public string? FirstFormulaCell { get; private set; }

    public static XlsxHoldingsReader? Open(Stream input, HoldingsImportOptions options, IssueCollector issues)
    {
        var document = SpreadsheetDocument.Open(input, false, new OpenSettings { AutoSave = false });
        try
        {
            var workbook = document.WorkbookPart;
            var sheets = workbook?.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
            if (workbook is null || sheets.Count == 0)
            {
                issues.FileError(Issues.File(ImportIssueCode.XlsxUnreadable, ("reason", "no sheets")));
                document.Dispose();
                return null;
            }

            var names = sheets.Select(s => s.Name?.Value ?? "").ToList();
            var sheet = options.SheetName is null
                ? sheets[0]
                : sheets.FirstOrDefault(s => string.Equals(s.Name?.Value?.Trim(), options.SheetName.Trim(), StringComparison.OrdinalIgnoreCase));
            if (sheet is null)
            {
                issues.FileError(Issues.File(ImportIssueCode.XlsxSheetNotFound, ("sheet", options.SheetName!), ("sheets", string.Join(", ", names))));
                document.Dispose();
                return null;
            }

            var name = sheet.Name?.Value ?? "";
            if (sheet.Id?.Value is not { } id || !workbook.TryGetPartById(id, out var part) || part is not WorksheetPart worksheet)
            {
                issues.FileError(Issues.File(ImportIssueCode.XlsxNotAWorksheet, ("sheet", name)));
                document.Dispose();
                return null;
            }

            if (options.SheetName is null && sheets.Count > 1)
            {
                issues.Add(new ImportIssue(0, null, ImportIssueCode.XlsxOtherSheetsIgnored,
                    Issues.Arguments(("sheet", name), ("ignored", string.Join(", ", names.Skip(1)))), IssueSeverity.Warning));
            }

            return new XlsxHoldingsReader(document, worksheet, name, ReadSharedStrings(workbook), PercentStyles(workbook));
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    public IEnumerable<SourceRow> Rows()
    {
        using var xml = XmlReader.Create(_sheet.GetStream(FileMode.Open, FileAccess.Read), XmlSettings);
        var nextRow = 1;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row")
            {
                continue;
            }

            var line = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : nextRow;
            nextRow = line + 1;
            var cells = new List<string?>();
            List<CellProblem>? problems = null;
            if (!xml.IsEmptyElement)
            {
                var depth = xml.Depth;
                var nextColumn = 0;
                while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
                {
                    if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c")
                    {
                        continue;
                    }

                    var reference = xml.GetAttribute("r");
                    var column = reference is null ? nextColumn : ColumnIndex(reference);
                    nextColumn = column + 1;
                    var cell = ReadCell(xml, reference ?? CellReference(column, line), column, ref problems);
                    if (column >= 16_384)
                    {
                        continue;
                    }

                    while (cells.Count <= column)
                    {
                        cells.Add(null);
                    }

                    cells[column] = cell;
                }
            }

            yield return new SourceRow(line, [.. cells], problems);
        }
    }

    private string? ReadCell(XmlReader xml, string reference, int column, ref List<CellProblem>? problems)
    {
        var type = xml.GetAttribute("t");
        var style = int.TryParse(xml.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        string? value = null;
        string? inline = null;
        var formula = false;
        if (!xml.IsEmptyElement)
        {
            var depth = xml.Depth;
            while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                switch (xml.LocalName)
                {
                    case "f":
                        formula = true;
                        break;
                    case "v":
                        value = xml.ReadElementContentAsString();
                        if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth)
                        {
                            goto done;
                        }

                        break;
                    case "is":
                        inline = ReadRichText(xml);
                        if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth)
                        {
                            goto done;
                        }

                        break;
                }
            }
        }

    done:
        if (formula)
        {
            if (value is null)
            {
                (problems ??= []).Add(new CellProblem(column, ImportIssueCode.XlsxFormulaWithoutValue, Issues.Arguments(("cell", reference))));
                return null;
            }

            FormulaCells++;
            FirstFormulaCell ??= reference;
        }

        switch (type)
        {
            case "s":
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < _sharedStrings.Length
                    ? _sharedStrings[index]
                    : null;
            case "inlineStr":
                return inline;
            case "e":
                (problems ??= []).Add(new CellProblem(column, ImportIssueCode.XlsxCellError, Issues.Arguments(("cell", reference), ("value", value ?? ""))));
                return null;
            case "b":
                return value == "1" ? "TRUE" : "FALSE";
            case "str" or "d":
                return value;
            default:
                if (value is null || !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return value;
                }

                // Through decimal: a double like 12.300000000000001 becomes 12.3 (15 significant digits).
                var exact = (decimal)number;
                return _percentStyles.Contains(style)
                    ? (exact * 100).ToString(CultureInfo.InvariantCulture) + "%"
                    : exact.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The text of a rich-text element (si or is): its t runs, without phonetic guides (rPh).</summary>
    private static string ReadRichText(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return "";
        }

        var depth = xml.Depth;
        var text = new System.Text.StringBuilder();
        xml.Read();
        while (!(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) && !xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh")
            {
                xml.Skip();
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t")
            {
                text.Append(xml.ReadElementContentAsString());
            }
            else
            {
                xml.Read();
            }
        }

        xml.Read();
        return text.ToString();
    }

    private static string[] ReadSharedStrings(WorkbookPart workbook)
    {
        if (workbook.SharedStringTablePart is not { } part)
        {
            return [];
        }

        var strings = new List<string>();
        using var xml = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), SharedStringsXmlSettings);
        xml.MoveToContent();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                strings.Add(ReadRichText(xml));
            }
            else
            {
                xml.Read();
            }
        }

        return [.. strings];
    }

    private static HashSet<int> PercentStyles(WorkbookPart workbook)
    {
        var result = new HashSet<int>();
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is not { } formats)
        {
            return result;
        }

        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        var index = 0;
        foreach (var format in formats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is 9 or 10 || (custom.TryGetValue(id, out var code) && IsPercentFormat(code)))
            {
                result.Add(index);
            }

            index++;
        }

        return result;
    }

    /// <summary>A % outside quoted literals and escapes of a number format code.</summary>
    private static bool IsPercentFormat(string code)
    {
        var quoted = false;
        for (var i = 0; i < code.Length; i++)
        {
            switch (code[i])
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '\\':
                    i++;
                    break;
                case '%' when !quoted:
                    return true;
            }
        }

        return false;
    }

    private List<MergedRange> ReadMerges()
    {
        var merges = new List<MergedRange>();
        using var xml = XmlReader.Create(_sheet.GetStream(FileMode.Open, FileAccess.Read), XmlSettings);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.LocalName == "sheetData")
            {
                xml.Skip();
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "mergeCells")
                {
                    ReadMergeCells(xml, merges);
                }
            }
            else if (xml.LocalName == "mergeCells")
            {
                ReadMergeCells(xml, merges);
            }
        }

        return merges;
    }

    private static void ReadMergeCells(XmlReader xml, List<MergedRange> merges)
    {
        if (xml.IsEmptyElement)
        {
            return;
        }

        var depth = xml.Depth;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "mergeCell" && xml.GetAttribute("ref") is { } reference)
            {
                var parts = reference.Split(':');
                var first = RowNumber(parts[0]);
                var last = parts.Length > 1 ? RowNumber(parts[1]) : first;
                if (first > 0 && last >= first)
                {
                    merges.Add(new MergedRange(reference, first, last));
                }
            }
        }
    }

    private static int RowNumber(string reference) =>
        int.TryParse(reference.AsSpan(reference.TakeWhile(char.IsAsciiLetter).Count()), NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : 0;

    /// <summary>0-based column of a reference such as "C5" (A = 0); past the last Excel column for nonsense.</summary>
    private static int ColumnIndex(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            if (column > 16_384)
            {
                return 16_384;
            }
        }

        return column - 1 < 0 ? 0 : column - 1;
    }

    private static string CellReference(int column, int row)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    public void Dispose() => _document.Dispose();
}
