using FsCheck.Xunit;
using Rightscope.Core.Exports;

namespace Rightscope.Tests.Core.InvestorDecisions;

public sealed class SafeCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-A1", "'-A1")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("Fabrikam, Inc.", "\"Fabrikam, Inc.\"")]
    [InlineData("", "")]
    public void Formulas_are_neutralized_and_fields_quoted_as_rfc_4180_says(string value, string expected) =>
        Assert.Equal(expected, SafeCsv.Field(value));

    [Property(MaxTest = 500)]
    public bool No_field_starts_a_formula_in_a_spreadsheet(string? value)
    {
        var field = SafeCsv.Field(value ?? "");
        var content = field.StartsWith('"') ? field[1..] : field;
        return content.Length == 0 || content[0] is not ('=' or '+' or '@' or '\t' or '\r') && !(content[0] == '-' && content.Length > 1 && !char.IsDigit(content[1]));
    }
}
