namespace Rightscope.Core.Portfolios.Import;

/// <summary>
/// Column names of a file that does not use the default layout, each as <c>source=field</c>: "Wertpapier-ISIN=isin",
/// "Gewicht (%)=weight". <c>source=-</c> ignores a column without a warning. Sources are matched like headers
/// (<see cref="HoldingFields.HeaderKey"/>); a mapped field is no longer taken from a column of its default name.
/// </summary>
public sealed class ColumnMapping
{
    public static ColumnMapping None { get; } = new([], []);

    private ColumnMapping(IReadOnlyList<(string Source, HoldingField? Field)> entries, IReadOnlyList<ImportIssue> errors)
    {
        Entries = entries;
        Errors = errors;
    }

    /// <summary>Each source column and its field; null for an ignored column.</summary>
    public IReadOnlyList<(string Source, HoldingField? Field)> Entries { get; }

    /// <summary>Problems in the mapping text (line 0): the importer refuses to read with a mapping that has any.</summary>
    public IReadOnlyList<ImportIssue> Errors { get; }

    /// <summary>Parses <c>source=field</c> entries; the last '=' separates them, so a source may contain '='.</summary>
    public static ColumnMapping Parse(IEnumerable<string> entries)
    {
        var parsed = new List<(string, HoldingField?)>();
        var errors = new List<ImportIssue>();
        var bySource = new HashSet<string>(StringComparer.Ordinal);
        var byField = new Dictionary<HoldingField, string>();
        foreach (var entry in entries)
        {
            if (string.IsNullOrWhiteSpace(entry))
            {
                continue;
            }

            var at = entry.LastIndexOf('=');
            var source = at < 0 ? "" : entry[..at].Trim();
            var target = at < 0 ? "" : entry[(at + 1)..].Trim();
            if (at < 0 || source.Length == 0 || target.Length == 0 || !bySource.Add(HoldingFields.HeaderKey(source)))
            {
                errors.Add(Issues.File(ImportIssueCode.MappingMalformed, ("entry", entry)));
                continue;
            }

            if (target == "-")
            {
                parsed.Add((source, null));
                continue;
            }

            if (!HoldingFields.TryParse(target, out var field))
            {
                errors.Add(Issues.File(ImportIssueCode.MappingUnknownField, ("entry", entry), ("field", target)));
                continue;
            }

            if (!byField.TryAdd(field, source))
            {
                errors.Add(Issues.File(ImportIssueCode.MappingDuplicateField, ("field", HoldingFields.Name(field)), ("source", byField[field]), ("other", source)));
                continue;
            }

            parsed.Add((source, field));
        }

        return new ColumnMapping(parsed, errors);
    }

    /// <summary>Parses entries separated by line breaks or semicolons, as a CLI option or a text box gives them.</summary>
    public static ColumnMapping Parse(string text) =>
        Parse(text.Split(['\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
