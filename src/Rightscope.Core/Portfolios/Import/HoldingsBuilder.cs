using System.Globalization;
using Rightscope.Core.Companies;
using Rightscope.Core.Money;

namespace Rightscope.Core.Portfolios.Import;

/// <summary>
/// Turns the records of any reader into holdings: finds the header, maps columns, validates each row, finds duplicate
/// identifiers, and checks the weights. Rows are kept only once valid, so memory grows with the good rows alone.
/// </summary>
internal sealed class HoldingsBuilder(HoldingsImportOptions options, char decimalSeparator, IssueCollector issues)
{
    /// <summary>Rows searched for a header that names a known column; past them the first row is taken as the header.</summary>
    private const int HeaderSearchRows = 20;

    private const int MaxTextLength = 300;

    private readonly List<SourceRow> _beforeHeader = [];
    private readonly List<HoldingRow> _rows = [];
    private readonly Dictionary<string, int> _identifiers = new(StringComparer.Ordinal);
    private readonly int[] _fieldColumn = Enumerable.Repeat(-1, HoldingFields.All.Count).ToArray();
    private readonly HashSet<int> _badLines = [];
    private string[] _headers = [];
    private List<ImportColumn> _columns = [];

    public IReadOnlyList<MergedRange> Merges { get; init; } = [];

    public bool SkipsBadRows => options.SkipBadRows;

    public int HeaderLine { get; private set; }

    public int RowsRead { get; private set; }

    public int BadRows { get; private set; }

    /// <summary>True once reading should stop: a file error, or the row limit.</summary>
    public bool Stopped => issues.HasFileErrors;

    public IReadOnlyList<ImportColumn> Columns => _columns;

    /// <summary>Marks a line bad after it was read (a CSV quoting problem reported late); it leaves the good rows.</summary>
    public void MarkBad(int line)
    {
        if (_badLines.Add(line))
        {
            var removed = _rows.RemoveAll(r => r.Line == line);
            BadRows += removed;
        }
    }

    public void Add(SourceRow row)
    {
        if (Array.TrueForAll(row.Cells, string.IsNullOrWhiteSpace))
        {
            return;
        }

        if (HeaderLine == 0)
        {
            if (!LooksLikeHeader(row) && _beforeHeader.Count < HeaderSearchRows - 1)
            {
                _beforeHeader.Add(row);
                return;
            }

            if (LooksLikeHeader(row))
            {
                if (_beforeHeader.Count > 0)
                {
                    issues.Add(new ImportIssue(row.Line, null, ImportIssueCode.RowsAboveHeaderIgnored,
                        Issues.Arguments(("count", Issues.Invariant(_beforeHeader.Count))), IssueSeverity.Warning));
                }

                ReadHeader(row);
                _beforeHeader.Clear();
                return;
            }

            // No header named a known column: take the first row, so the report says which columns are missing.
            _beforeHeader.Add(row);
            ReadHeader(_beforeHeader[0]);
            foreach (var later in _beforeHeader.Skip(1).ToList())
            {
                if (Stopped)
                {
                    return;
                }

                AddData(later);
            }

            _beforeHeader.Clear();
            return;
        }

        AddData(row);
    }

    private bool LooksLikeHeader(SourceRow row) =>
        row.Cells.Any(cell => HoldingFields.TryParse(cell, out _)
            || options.Mapping.Entries.Any(e => HoldingFields.HeaderKey(e.Source) == HoldingFields.HeaderKey(cell)));

    private void ReadHeader(SourceRow row)
    {
        HeaderLine = row.Line;
        _headers = [.. row.Cells.Select(c => c?.Trim() ?? "")];
        var mapped = options.Mapping.Entries.ToDictionary(e => HoldingFields.HeaderKey(e.Source), e => e.Field, StringComparer.Ordinal);
        var mappedFields = options.Mapping.Entries.Where(e => e.Field is not null).Select(e => e.Field!.Value).ToHashSet();
        var found = new HashSet<string>(StringComparer.Ordinal);

        foreach (var merge in Merges.Where(m => m.FirstRow <= row.Line && row.Line <= m.LastRow))
        {
            issues.FileError(new ImportIssue(row.Line, null, ImportIssueCode.XlsxMergedHeaderCells,
                Issues.Arguments(("range", merge.Reference)), IssueSeverity.Error));
        }

        for (var i = 0; i < _headers.Length; i++)
        {
            var header = _headers[i];
            var key = HoldingFields.HeaderKey(header);
            HoldingField? field = null;
            if (key.Length == 0)
            {
                _columns.Add(new ImportColumn(i, header, null));
                continue;
            }

            if (mapped.TryGetValue(key, out var target))
            {
                found.Add(key);
                field = target;
                if (target is null)
                {
                    _columns.Add(new ImportColumn(i, header, null));
                    continue;
                }
            }
            else if (HoldingFields.TryParse(header, out var named) && !mappedFields.Contains(named))
            {
                field = named;
            }

            if (field is not { } f)
            {
                issues.Add(new ImportIssue(row.Line, header, ImportIssueCode.ColumnIgnored, Issues.Arguments(), IssueSeverity.Warning));
                _columns.Add(new ImportColumn(i, header, null));
                continue;
            }

            if (_fieldColumn[(int)f] >= 0)
            {
                issues.FileError(new ImportIssue(row.Line, header, ImportIssueCode.DuplicateColumn,
                    Issues.Arguments(("field", HoldingFields.Name(f)), ("first", _headers[_fieldColumn[(int)f]])), IssueSeverity.Error));
                _columns.Add(new ImportColumn(i, header, null));
                continue;
            }

            _fieldColumn[(int)f] = i;
            _columns.Add(new ImportColumn(i, header, f));
        }

        foreach (var entry in options.Mapping.Entries.Where(e => !found.Contains(HoldingFields.HeaderKey(e.Source))))
        {
            issues.FileError(new ImportIssue(row.Line, entry.Source, ImportIssueCode.MappingSourceNotFound, Issues.Arguments(), IssueSeverity.Error));
        }

        bool Has(HoldingField f) => _fieldColumn[(int)f] >= 0;
        var headerLine = string.Join(", ", _headers);
        if (!(Has(HoldingField.Name) || Has(HoldingField.Isin) || Has(HoldingField.Lei) || Has(HoldingField.Ticker)))
        {
            issues.FileError(new ImportIssue(row.Line, null, ImportIssueCode.MissingCompanyColumn, Issues.Arguments(("header", headerLine)), IssueSeverity.Error));
        }

        if (!(Has(HoldingField.Weight) || Has(HoldingField.MarketValue)))
        {
            issues.FileError(new ImportIssue(row.Line, null, ImportIssueCode.MissingAmountColumn, Issues.Arguments(("header", headerLine)), IssueSeverity.Error));
        }

        if (Has(HoldingField.MarketValue) && !Has(HoldingField.Currency))
        {
            issues.FileError(new ImportIssue(row.Line, null, ImportIssueCode.MissingCurrencyColumn, Issues.Arguments(("header", headerLine)), IssueSeverity.Error));
        }
    }

    private void AddData(SourceRow row)
    {
        RowsRead++;
        if (RowsRead > options.MaxRows)
        {
            RowsRead--;
            issues.FileError(new ImportIssue(row.Line, null, ImportIssueCode.TooManyRows,
                Issues.Arguments(("limit", Issues.Invariant(options.MaxRows))), IssueSeverity.Error));
            return;
        }

        if (RowsRead % 1_000 == 0)
        {
            options.Progress?.Report(RowsRead);
        }

        var line = row.Line;
        var errors = 0;
        void Error(HoldingField? field, ImportIssueCode code, params (string, string)[] arguments)
        {
            errors++;
            issues.Add(new ImportIssue(line, field is { } f ? _headers[_fieldColumn[(int)f]] : null, code, Issues.Arguments(arguments), IssueSeverity.Error));
        }

        void Warning(HoldingField field, ImportIssueCode code, params (string, string)[] arguments) =>
            issues.Add(new ImportIssue(line, _headers[_fieldColumn[(int)field]], code, Issues.Arguments(arguments), IssueSeverity.Warning));

        if (_badLines.Contains(line))
        {
            errors++;
        }

        foreach (var problem in row.Problems ?? [])
        {
            errors++;
            issues.Add(new ImportIssue(line, problem.Column < _headers.Length ? _headers[problem.Column] : null, problem.Code, problem.Arguments, IssueSeverity.Error));
        }

        foreach (var merge in Merges.Where(m => m.FirstRow <= line && line <= m.LastRow))
        {
            Error(null, ImportIssueCode.XlsxMergedCells, ("range", merge.Reference));
        }

        var extra = row.Cells.Skip(_headers.Length).Count(c => !string.IsNullOrWhiteSpace(c));
        if (extra > 0)
        {
            Error(null, ImportIssueCode.FieldCountMismatch,
                ("expected", Issues.Invariant(_headers.Length)), ("actual", Issues.Invariant(row.Cells.Length)));
        }

        string? Cell(HoldingField field)
        {
            var column = _fieldColumn[(int)field];
            var text = column >= 0 && column < row.Cells.Length ? row.Cells[column]?.Trim() : null;
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            if (text.Length > MaxTextLength)
            {
                Error(field, ImportIssueCode.ValueTooLong, ("length", Issues.Invariant(text.Length)), ("limit", Issues.Invariant(MaxTextLength)));
                return null;
            }

            return text;
        }

        var name = Cell(HoldingField.Name);
        var isinText = Cell(HoldingField.Isin);
        var leiText = Cell(HoldingField.Lei);
        var tickerText = Cell(HoldingField.Ticker);
        var countryText = Cell(HoldingField.Country);
        var weightText = Cell(HoldingField.Weight);
        var valueText = Cell(HoldingField.MarketValue);
        var currencyText = Cell(HoldingField.Currency);
        var sharesText = Cell(HoldingField.Shares);

        Isin? isin = null;
        if (isinText is not null)
        {
            if (Isin.TryParse(isinText, out var parsed, out var error))
            {
                isin = parsed;
            }
            else if (error == IdentifierError.CheckDigit)
            {
                var normalized = isinText.Trim().ToUpperInvariant();
                Error(HoldingField.Isin, ImportIssueCode.IsinCheckDigit, ("value", isinText),
                    ("expected", Isin.ComputeCheckDigit(normalized.AsSpan(0, Isin.Length - 1)).ToString()));
            }
            else
            {
                Error(HoldingField.Isin, ImportIssueCode.IsinFormat, ("value", isinText));
            }
        }

        Lei? lei = null;
        if (leiText is not null)
        {
            if (Lei.TryParse(leiText, out var parsed, out var error))
            {
                lei = parsed;
            }
            else if (error == IdentifierError.CheckDigit)
            {
                var normalized = leiText.Trim().ToUpperInvariant();
                Error(HoldingField.Lei, ImportIssueCode.LeiCheckDigits, ("value", leiText),
                    ("expected", Lei.ComputeCheckDigits(normalized.AsSpan(0, Lei.Length - 2))));
            }
            else
            {
                Error(HoldingField.Lei, ImportIssueCode.LeiFormat, ("value", leiText));
            }
        }

        Ticker? ticker = null;
        if (tickerText is not null)
        {
            if (Ticker.TryParse(tickerText, out var parsed))
            {
                ticker = parsed;
            }
            else
            {
                Error(HoldingField.Ticker, ImportIssueCode.TickerInvalid, ("value", tickerText));
            }
        }

        Country? country = null;
        if (countryText is not null && !Country.TryParse(countryText, out country))
        {
            Error(HoldingField.Country, ImportIssueCode.CountryUnknown, ("value", countryText));
        }

        if (name is null && isinText is null && leiText is null && tickerText is null)
        {
            Error(null, ImportIssueCode.MissingCompany);
        }

        double? weight = null;
        if (weightText is not null && Number(HoldingField.Weight, weightText, allowPercent: true) is { } w)
        {
            if (w is < 0 or > 100)
            {
                Error(HoldingField.Weight, ImportIssueCode.WeightOutOfRange, ("value", weightText));
            }
            else
            {
                weight = (double)w;
            }
        }

        Currency? currency = null;
        if (currencyText is not null && !Currency.TryParse(currencyText, out currency))
        {
            Error(HoldingField.Currency, ImportIssueCode.CurrencyUnknown, ("value", currencyText));
        }

        decimal? marketValue = null;
        if (valueText is not null && Number(HoldingField.MarketValue, valueText, allowPercent: false) is { } v)
        {
            if (v < 0)
            {
                Error(HoldingField.MarketValue, ImportIssueCode.NegativeNumber, ("value", valueText));
            }
            else if (currencyText is null)
            {
                Error(HoldingField.MarketValue, ImportIssueCode.CurrencyMissing, ("value", valueText));
            }
            else if (currency is not null)
            {
                marketValue = currency.Round(v);
                if (marketValue != v)
                {
                    Warning(HoldingField.MarketValue, ImportIssueCode.MarketValueRounded, ("value", valueText),
                        ("rounded", marketValue.Value.ToString(CultureInfo.InvariantCulture)), ("currency", currency.Code));
                }
            }
        }

        decimal? shares = null;
        if (sharesText is not null && Number(HoldingField.Shares, sharesText, allowPercent: false) is { } s)
        {
            if (s < 0)
            {
                Error(HoldingField.Shares, ImportIssueCode.NegativeNumber, ("value", sharesText));
            }
            else
            {
                shares = s;
            }
        }

        if (weightText is null && valueText is null)
        {
            Error(null, ImportIssueCode.MissingAmount);
        }

        // One holding per security: the ISIN when there is one, else the LEI, else the ticker (with its country),
        // else the normalized name. Two share classes of one company have two ISINs and the same LEI: both are kept.
        var (keyField, key) = isin is { } i ? (HoldingField.Isin, "isin:" + i.Value)
            : lei is { } l ? (HoldingField.Lei, "lei:" + l.Value)
            : ticker is { } t ? (HoldingField.Ticker, "ticker:" + t.Value + "@" + country?.Alpha2)
            : name is not null ? (HoldingField.Name, "name:" + CompanyName.Normalize(name))
            : (HoldingField.Name, "");
        if (errors == 0 && key.Length > 0 && !_identifiers.TryAdd(key, line))
        {
            Error(keyField, ImportIssueCode.DuplicateIdentifier, ("field", HoldingFields.Name(keyField)),
                ("value", key[(key.IndexOf(':') + 1)..].TrimEnd('@')), ("firstLine", Issues.Invariant(_identifiers[key])));
        }

        if (errors > 0)
        {
            BadRows++;
            return;
        }

        _rows.Add(new HoldingRow(line, name, isin, lei, ticker, country, weight, marketValue, currency, shares));

        decimal? Number(HoldingField field, string text, bool allowPercent)
        {
            if (NumberText.TryParse(text, decimalSeparator, out var value, out var percent) && (allowPercent || !percent))
            {
                return value;
            }

            Error(field, ImportIssueCode.NotANumber, ("value", text), ("decimalSeparator", decimalSeparator.ToString()));
            return null;
        }
    }

    /// <summary>Ends the import: a file without a header or rows, the weight sum.</summary>
    public (IReadOnlyList<HoldingRow> Rows, double? WeightSum) Finish()
    {
        if (HeaderLine == 0 && _beforeHeader.Count > 0 && !Stopped)
        {
            // Fewer rows than the header search: the first is the header.
            var rows = _beforeHeader.ToList();
            _beforeHeader.Clear();
            ReadHeader(rows[0]);
            foreach (var row in rows.Skip(1))
            {
                if (!Stopped)
                {
                    AddData(row);
                }
            }
        }

        options.Progress?.Report(RowsRead);
        if (Stopped)
        {
            return (_rows, null);
        }

        if (HeaderLine == 0)
        {
            issues.FileError(Issues.File(ImportIssueCode.EmptyFile));
            return (_rows, null);
        }

        if (RowsRead == 0)
        {
            issues.FileError(new ImportIssue(HeaderLine, null, ImportIssueCode.NoRows, Issues.Arguments(), IssueSeverity.Error));
            return (_rows, null);
        }

        double? sum = _rows.Any(r => r.WeightPercent is not null) ? _rows.Sum(r => r.WeightPercent ?? 0) : null;
        if (sum is { } total && Math.Abs(total - 100) > options.WeightSumTolerance)
        {
            issues.Add(new ImportIssue(0, null, ImportIssueCode.WeightSumOff, Issues.Arguments(
                ("sum", Math.Round(total, 4).ToString(CultureInfo.InvariantCulture)),
                ("tolerance", options.WeightSumTolerance.ToString(CultureInfo.InvariantCulture))), IssueSeverity.Warning));
        }

        return (_rows, sum);
    }
}
