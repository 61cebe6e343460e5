using System.Globalization;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Portfolios.Import;

namespace Rightscope.Features.Portfolios;

/// <summary>An import issue in the reader's language: the resource <c>Import.{Code}</c> with its named arguments filled in.</summary>
public static class ImportMessages
{
    public static string Key(ImportIssueCode code) => $"Import.{code}";

    public static string Format(IStringLocalizer<PortfoliosText> text, ImportIssue issue)
    {
        var message = text[Key(issue.Code)].Value;
        foreach (var (name, value) in issue.Arguments)
        {
            message = message.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return message;
    }

    /// <summary>
    /// <c>FILE:LINE: COLUMN: message</c>, as compilers and <c>methodology validate</c> print problems; an issue of the
    /// whole file (line 0) is <c>FILE: message</c>, or <c>FILE: COLUMN: message</c> when it is about a column.
    /// </summary>
    public static string Line(IStringLocalizer<PortfoliosText> text, string file, ImportIssue issue)
    {
        var where = issue.Line == 0
            ? issue.Column is null ? file : $"{file}: {issue.Column}"
            : string.Create(CultureInfo.InvariantCulture, $"{file}:{issue.Line}: {issue.Column ?? "-"}");
        return $"{where}: {(issue.Severity == IssueSeverity.Warning ? "warning: " : "")}{Format(text, issue)}";
    }
}
