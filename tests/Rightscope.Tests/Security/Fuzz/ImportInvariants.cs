namespace Rightscope.Tests.Security.Fuzz;

/// <summary>
/// What every importer must do with any input: return its validation result (never throw), refuse only with at least
/// one error, say where each error is — a line of the file (and the field, when it is about one) or the file as a
/// whole —, and write only a clean file that has rows.
/// </summary>
public static class ImportInvariants
{
    /// <summary>Null when every rule holds for these bytes; otherwise what broke, with the reader's errors.</summary>
    public static string? Violation(ImportTarget target, byte[] bytes)
    {
        ImportOutcome outcome;
        try
        {
            outcome = target.Read(bytes);
        }
        catch (Exception e)
        {
            return $"{target.Name} threw {e.GetType().Name}: {e.Message}";
        }

        var errors = string.Join(", ", outcome.Errors);
        if (!outcome.CanWrite && outcome.Errors.Count == 0)
        {
            return $"{target.Name} refused the file without an error";
        }

        if (outcome.CanWrite && (outcome.Rows == 0 || outcome.Errors.Count > 0))
        {
            return $"{target.Name} would write {outcome.Rows} row(s) despite: {errors}";
        }

        // A workbook's row numbers are not lines of the bytes; a text file's errors must point into it.
        var lastLine = IsZip(bytes) ? int.MaxValue : LineCount(bytes);
        foreach (var error in outcome.Errors)
        {
            if (error.Line < 0 || error.Line > lastLine)
            {
                return $"{target.Name} reported line {error.Line} of a file of {lastLine} line(s): {errors}";
            }

            if (error.Field is { } field && string.IsNullOrWhiteSpace(field))
            {
                return $"{target.Name} named an empty field: {errors}";
            }
        }

        return null;
    }

    public static void AssertHolds(ImportTarget target, byte[] bytes, string description)
    {
        if (Violation(target, bytes) is { } violation)
        {
            Assert.Fail($"{description}: {violation}");
        }
    }

    private static bool IsZip(byte[] bytes) => bytes.AsSpan().StartsWith("PK"u8);

    /// <summary>An upper bound on the lines any reading of the bytes can see: every CR, LF (or their UTF-16 forms) may end one.</summary>
    private static int LineCount(byte[] bytes) => 1 + bytes.Count(b => b is (byte)'\n' or (byte)'\r');
}
