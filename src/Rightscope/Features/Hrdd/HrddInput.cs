using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Rightscope.Features.Assessments;

namespace Rightscope.Features.Hrdd;

/// <summary>
/// How the due diligence forms read their fields, so every page words a bad date, address or choice the same way.
/// Enum values travel as kebab-case codes (<c>in-progress</c>); field keys are camel case (<c>elements[2].status</c>)
/// and become the pages' <c>Input.Elements[2].Status</c>.
/// </summary>
public static class HrddInput
{
    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string Code<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var code = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsAsciiLetterUpper(c) && code.Length > 0)
            {
                code.Append('-');
            }

            code.Append(char.ToLowerInvariant(c));
        }

        return code.ToString();
    }

    public static bool TryParse<TEnum>(string? code, out TEnum value)
        where TEnum : struct, Enum => AssessmentCommands.TryParseCode(code, out value);

    /// <summary>An optional ISO date (yyyy-MM-dd); an error names the field by its label.</summary>
    public static DateOnly? Date(string? value, string field, string label, FieldErrors errors, IStringLocalizer<HrddText> text)
    {
        if (Text(value) is not { } trimmed)
        {
            return null;
        }

        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, text["Field.DateInvalid", label, trimmed]);
        return null;
    }

    /// <summary>An optional absolute http(s) address.</summary>
    public static string? Url(string? value, string field, string label, int maxLength, FieldErrors errors, IStringLocalizer<HrddText> text)
    {
        if (Text(value) is not { } trimmed)
        {
            return null;
        }

        if (trimmed.Length <= maxLength && Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return trimmed;
        }

        errors.Add(field, text["Field.UrlInvalid", label]);
        return null;
    }

    /// <summary>A command's field key as the pages name it: <c>elements[2].evidenceUrl</c> → <c>Input.Elements[2].EvidenceUrl</c>.</summary>
    public static string Field(string key) =>
        key.Length == 0 ? "" : "Input." + string.Join('.', key.Split('.').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
