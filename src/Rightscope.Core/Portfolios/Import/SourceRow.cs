namespace Rightscope.Core.Portfolios.Import;

/// <summary>A problem a reader found in one cell (a spreadsheet error value, a formula without a value).</summary>
internal sealed record CellProblem(int Column, ImportIssueCode Code, IReadOnlyDictionary<string, string> Arguments);

/// <summary>A record as a reader gives it: its line, its cells as text (null: absent), problems found in reading it.</summary>
internal readonly record struct SourceRow(int Line, string?[] Cells, List<CellProblem>? Problems);

/// <summary>A merged range of a sheet: rows and columns 1-based, inclusive.</summary>
internal readonly record struct MergedRange(string Reference, int FirstRow, int LastRow);
