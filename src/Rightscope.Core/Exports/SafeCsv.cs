namespace Rightscope.Core.Exports;

/// <summary>
/// CSV fields (RFC 4180) that a spreadsheet opens as text, never as a formula: a value starting with = + @, a tab or
/// a carriage return, or with - not followed by a digit, gets a leading apostrophe (OWASP's CSV injection advice),
/// so a company named "=HYPERLINK(…)" in an export cannot run in the reader's spreadsheet. Negative numbers stay numbers.
/// </summary>
public static class SafeCsv
{
    public static string Field(string value)
    {
        if (value.Length > 0 && (value[0] is '=' or '+' or '@' or '\t' or '\r' || (value[0] == '-' && value.Length > 1 && !char.IsDigit(value[1]))))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    public static string Line(IEnumerable<string> values) => string.Join(',', values.Select(Field));
}
